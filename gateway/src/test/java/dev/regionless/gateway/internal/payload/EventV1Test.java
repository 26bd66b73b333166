package dev.regionless.gateway.internal.payload;

import static dev.regionless.gateway.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventV1Test {

    @Test
    void restEventCarriesResourcePathWithoutStageAndMethod() {
        var proxy = ProxyRequests.rest(
                request("POST", "/Prod/hello/world").build(),
                "POST /{proxy+}",
                "/hello/world",
                Map.of("proxy", "hello/world"));

        var event = EventV1.of(proxy, false);

        assertThat(event.get("resource").asText()).isEqualTo("/{proxy+}");
        assertThat(event.get("path").asText()).isEqualTo("/hello/world");
        assertThat(event.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo("hello/world");
        assertThat(event.has("version")).isFalse();
    }

    @Test
    void headersKeepTheLastValueAndMultiValueHeadersKeepAll() {
        var request = request("GET", "/Prod/items")
                .header("X-Tag", "a")
                .header("X-Tag", "b")
                .build();

        var event = EventV1.of(ProxyRequests.rest(request, "GET /items", "/items", Map.of()), false);

        assertThat(event.get("headers").get("X-Tag").asText()).isEqualTo("b");
        assertThat(event.get("multiValueHeaders").get("X-Tag")).hasSize(2);
        assertThat(event.get("multiValueHeaders").get("X-Tag").get(0).asText()).isEqualTo("a");
    }

    @Test
    void queryParametersAreSingleAndMultiValued() {
        var request = request("GET", "/Prod/items?name=me&multi=you&multi=me").build();

        var event = EventV1.of(ProxyRequests.rest(request, "GET /items", "/items", Map.of()), false);

        assertThat(event.get("queryStringParameters").get("multi").asText()).isEqualTo("me");
        assertThat(event.get("multiValueQueryStringParameters").get("multi").toString())
                .isEqualTo("[\"you\",\"me\"]");
    }

    @Test
    void absentPartsAreExplicitNulls() {
        var event = EventV1.of(
                ProxyRequests.rest(request("GET", "/Prod/items").build(), "GET /items", "/items", Map.of()), false);

        assertThat(event.get("queryStringParameters").isNull()).isTrue();
        assertThat(event.get("multiValueQueryStringParameters").isNull()).isTrue();
        assertThat(event.get("pathParameters").isNull()).isTrue();
        assertThat(event.get("stageVariables").isNull()).isTrue();
        assertThat(event.get("body").isNull()).isTrue();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void requestContextDescribesStageTimeAndCaller() {
        var proxy = ProxyRequests.rest(request("GET", "/Prod/items").build(), "GET /items", "/items", Map.of());

        var context = EventV1.of(proxy, false).get("requestContext");

        assertThat(context.get("stage").asText()).isEqualTo("Prod");
        assertThat(context.get("path").asText()).isEqualTo("/Prod/items");
        assertThat(context.get("resourcePath").asText()).isEqualTo("/items");
        assertThat(context.get("requestTime").asText()).isEqualTo("09/Apr/2015:12:34:56 +0000");
        assertThat(context.get("requestTimeEpoch").asLong()).isEqualTo(1428582896789L);
        assertThat(context.get("domainPrefix").asText()).isEqualTo("abc123");
        assertThat(context.get("identity").get("sourceIp").asText()).isEqualTo("203.0.113.7");
        assertThat(context.get("identity").get("userAgent").asText()).isEqualTo("curl/8.5.0");
        assertThat(context.get("resourceId").asText()).hasSize(6);
    }

    @Test
    void textBodyIsPassedAsUtf8() {
        var request = request("POST", "/Prod/items").body("{\"name\":\"Zoë\"}").build();

        var event = EventV1.of(ProxyRequests.rest(request, "POST /items", "/items", Map.of()), false);

        assertThat(event.get("body").asText()).isEqualTo("{\"name\":\"Zoë\"}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void binaryBodyIsBase64Encoded() {
        var bytes = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        var request = request("POST", "/Prod/images").body(bytes).build();

        var event = EventV1.of(ProxyRequests.rest(request, "POST /images", "/images", Map.of()), true);

        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(bytes);
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void httpApiPayload1EventSaysVersion10() {
        var proxy = ProxyRequests.http(request("GET", "/items").build(), "GET /items", Map.of());

        var event = EventV1.of(proxy, false);

        assertThat(event.get("version").asText()).isEqualTo("1.0");
    }
}

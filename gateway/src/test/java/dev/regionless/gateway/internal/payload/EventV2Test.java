package dev.regionless.gateway.internal.payload;

import static dev.regionless.gateway.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventV2Test {

    @Test
    void carriesVersionRouteKeyRawPathAndRawQuery() {
        var request = request("GET", "/my/path?parameter1=value1&parameter1=value2&parameter2=value")
                .build();

        var event = EventV2.of(ProxyRequests.http(request, "$default", Map.of()), false);

        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("$default");
        assertThat(event.get("rawPath").asText()).isEqualTo("/my/path");
        assertThat(event.get("rawQueryString").asText())
                .isEqualTo("parameter1=value1&parameter1=value2&parameter2=value");
    }

    @Test
    void queryParametersAreCommaJoined() {
        var request = request("GET", "/my/path?parameter1=value1&parameter1=value2&parameter2=value")
                .build();

        var event = EventV2.of(ProxyRequests.http(request, "$default", Map.of()), false);

        assertThat(event.get("queryStringParameters").get("parameter1").asText())
                .isEqualTo("value1,value2");
        assertThat(event.get("queryStringParameters").get("parameter2").asText())
                .isEqualTo("value");
    }

    @Test
    void headerNamesAreLowerCasedAndDuplicatesCommaJoined() {
        var request =
                request("GET", "/").header("X-Tag", "a").header("x-tag", "b").build();

        var event = EventV2.of(ProxyRequests.http(request, "$default", Map.of()), false);

        assertThat(event.get("headers").get("x-tag").asText()).isEqualTo("a,b");
        assertThat(event.get("headers").has("X-Tag")).isFalse();
    }

    @Test
    void cookiesLeaveTheHeadersForTheirOwnList() {
        var request =
                request("GET", "/").header("Cookie", "cookie1=a; cookie2=b").build();

        var event = EventV2.of(ProxyRequests.http(request, "$default", Map.of()), false);

        assertThat(event.get("cookies").toString()).isEqualTo("[\"cookie1=a\",\"cookie2=b\"]");
        assertThat(event.get("headers").has("cookie")).isFalse();
    }

    @Test
    void absentPartsAreLeftOut() {
        var event = EventV2.of(ProxyRequests.http(request("GET", "/").build(), "$default", Map.of()), false);

        assertThat(event.has("cookies")).isFalse();
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.has("pathParameters")).isFalse();
        assertThat(event.has("body")).isFalse();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void requestContextHasHttpDetailsAndTime() {
        var request = request("POST", "/items/7").body("x").build();

        var context = EventV2.of(ProxyRequests.http(request, "POST /items/{id}", Map.of("id", "7")), false)
                .get("requestContext");

        assertThat(context.get("http").get("method").asText()).isEqualTo("POST");
        assertThat(context.get("http").get("path").asText()).isEqualTo("/items/7");
        assertThat(context.get("http").get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("203.0.113.7");
        assertThat(context.get("http").get("userAgent").asText()).isEqualTo("curl/8.5.0");
        assertThat(context.get("routeKey").asText()).isEqualTo("POST /items/{id}");
        assertThat(context.get("stage").asText()).isEqualTo("$default");
        assertThat(context.get("time").asText()).isEqualTo("09/Apr/2015:12:34:56 +0000");
        assertThat(context.get("timeEpoch").asLong()).isEqualTo(1428582896789L);
    }

    @Test
    void pathParametersAreIncludedWhenTheRouteHasThem() {
        var request = request("GET", "/items/7").build();

        var event = EventV2.of(ProxyRequests.http(request, "GET /items/{id}", Map.of("id", "7")), false);

        assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("7");
    }
}

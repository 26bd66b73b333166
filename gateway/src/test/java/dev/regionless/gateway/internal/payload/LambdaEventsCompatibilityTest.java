package dev.regionless.gateway.internal.payload;

import static dev.regionless.gateway.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.regionless.common.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our events read back through the Lambda Java runtime's own serializers into the real event classes. */
class LambdaEventsCompatibilityTest {

    private static <T> T deserialize(Class<T> type, Object event) throws Exception {
        var loader = LambdaEventsCompatibilityTest.class.getClassLoader();
        var serializer = LambdaEventSerializers.serializerFor(type, loader);
        return serializer.fromJson(Json.mapper().writeValueAsString(event));
    }

    @Test
    void payload1EventDeserializesIntoApiGatewayProxyRequestEvent() throws Exception {
        var request = request("POST", "/Prod/items/42?tag=a&tag=b")
                .header("Content-Type", "application/json")
                .body("{\"a\":1}")
                .build();
        var proxy = ProxyRequests.rest(request, "POST /items/{id}", "/items/42", Map.of("id", "42"));

        var event = deserialize(APIGatewayProxyRequestEvent.class, EventV1.of(proxy, false));

        assertThat(event.getResource()).isEqualTo("/items/{id}");
        assertThat(event.getPath()).isEqualTo("/items/42");
        assertThat(event.getHttpMethod()).isEqualTo("POST");
        assertThat(event.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(event.getMultiValueQueryStringParameters().get("tag")).containsExactly("a", "b");
        assertThat(event.getPathParameters()).containsEntry("id", "42");
        assertThat(event.getBody()).isEqualTo("{\"a\":1}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getRequestContext().getStage()).isEqualTo("Prod");
        assertThat(event.getRequestContext().getRequestTimeEpoch()).isEqualTo(ProxyRequests.TIME.toEpochMilli());
        assertThat(event.getRequestContext().getIdentity().getSourceIp()).isEqualTo("203.0.113.7");
    }

    @Test
    void payload2EventDeserializesIntoApiGatewayV2HttpEvent() throws Exception {
        var request = request("PUT", "/items/42?tag=a&tag=b")
                .header("Cookie", "c1=x; c2=y")
                .header("Content-Type", "image/png")
                .body(new byte[] {1, 2, 3})
                .build();
        var proxy = ProxyRequests.http(request, "PUT /items/{id}", Map.of("id", "42"));

        var event = deserialize(APIGatewayV2HTTPEvent.class, EventV2.of(proxy, true));

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("PUT /items/{id}");
        assertThat(event.getRawPath()).isEqualTo("/items/42");
        assertThat(event.getRawQueryString()).isEqualTo("tag=a&tag=b");
        assertThat(event.getCookies()).containsExactly("c1=x", "c2=y");
        assertThat(event.getQueryStringParameters()).containsEntry("tag", "a,b");
        assertThat(event.getPathParameters()).containsEntry("id", "42");
        assertThat(event.getBody()).isEqualTo("AQID");
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("PUT");
        assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(ProxyRequests.TIME.toEpochMilli());
    }
}

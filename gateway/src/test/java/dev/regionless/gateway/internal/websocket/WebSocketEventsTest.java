package dev.regionless.gateway.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.regionless.common.Json;
import dev.regionless.gateway.internal.message.Header;
import dev.regionless.gateway.internal.websocket.WebSocketEvents.EventIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three kinds of event, as JSON and as a handler declaring {@code APIGatewayV2WebSocketEvent} reads them through
 * the Lambda Java runtime's own serializer.
 */
class WebSocketEventsTest {
    private static final Instant CONNECTED = Instant.parse("2026-03-01T09:00:00.123Z");
    private static final Instant LATER = Instant.parse("2026-03-01T09:00:05.456Z");
    private static final ConnectionFacts FACTS = new ConnectionFacts(
            "L0SM9cOFvHcCIhw=", "abcd1234", "prod", "127.0.0.1:7003", CONNECTED, "203.0.113.7", "wscat/5");

    @Test
    void connectEventCarriesHeadersQueryAndContextWithoutMessageId() throws Exception {
        var headers = List.of(
                new Header("Host", "127.0.0.1:7003"),
                new Header("Sec-WebSocket-Version", "13"),
                new Header("X-Tag", "a"),
                new Header("X-Tag", "b"));

        var event = read(WebSocketEvents.connect(
                FACTS, headers, "room=blue&room=red&me=1", new EventIds("req1=", null, CONNECTED)));

        assertThat(event.getHeaders())
                .containsEntry("Sec-WebSocket-Version", "13")
                .containsEntry("X-Tag", "b");
        assertThat(event.getMultiValueHeaders().get("X-Tag")).containsExactly("a", "b");
        assertThat(event.getQueryStringParameters())
                .containsEntry("room", "red")
                .containsEntry("me", "1");
        assertThat(event.getMultiValueQueryStringParameters().get("room")).containsExactly("blue", "red");
        assertThat(event.getBody()).isNull();
        var context = event.getRequestContext();
        assertThat(context.getRouteKey()).isEqualTo("$connect");
        assertThat(context.getEventType()).isEqualTo("CONNECT");
        assertThat(context.getMessageId()).isNull();
        assertThat(context.getConnectionId()).isEqualTo("L0SM9cOFvHcCIhw=");
        assertThat(context.getConnectedAt()).isEqualTo(CONNECTED.toEpochMilli());
        assertThat(context.getRequestTimeEpoch()).isEqualTo(CONNECTED.toEpochMilli());
        assertThat(context.getRequestTime()).isEqualTo("01/Mar/2026:09:00:00 +0000");
        assertThat(context.getDomainName()).isEqualTo("127.0.0.1:7003");
        assertThat(context.getStage()).isEqualTo("prod");
        assertThat(context.getApiId()).isEqualTo("abcd1234");
        assertThat(context.getRequestId()).isEqualTo("req1=");
        assertThat(context.getExtendedRequestId()).isEqualTo("req1=");
        assertThat(context.getMessageDirection()).isEqualTo("IN");
        assertThat(context.getIdentity().getSourceIp()).isEqualTo("203.0.113.7");
        assertThat(context.getIdentity().getUserAgent()).isEqualTo("wscat/5");
    }

    @Test
    void connectEventWithoutQueryHasNoQueryParameters() throws Exception {
        var event = read(WebSocketEvents.connect(FACTS, List.of(), "", new EventIds("r=", null, CONNECTED)));

        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getMultiValueQueryStringParameters()).isNull();
    }

    @Test
    void messageEventCarriesTheBodyAndItsOwnMessageId() throws Exception {
        var json = WebSocketEvents.message(FACTS, "sendMessage", "{\"action\":\"sendMessage\"}", ids());

        var event = read(json);

        assertThat(json.has("headers")).isFalse();
        assertThat(event.getBody()).isEqualTo("{\"action\":\"sendMessage\"}");
        assertThat(event.isIsBase64Encoded()).isFalse();
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo("sendMessage");
        assertThat(event.getRequestContext().getEventType()).isEqualTo("MESSAGE");
        assertThat(event.getRequestContext().getMessageId()).isEqualTo("msg1=");
        assertThat(event.getRequestContext().getConnectedAt()).isEqualTo(CONNECTED.toEpochMilli());
        assertThat(event.getRequestContext().getRequestTimeEpoch()).isEqualTo(LATER.toEpochMilli());
    }

    @Test
    void disconnectEventNamesTheCloseCodeAndReason() throws Exception {
        var json = WebSocketEvents.disconnect(FACTS, CloseReason.idle(), new EventIds("r=", null, LATER));

        var event = read(json);

        assertThat(json.at("/requestContext/disconnectStatusCode").asInt()).isEqualTo(1001);
        assertThat(json.at("/requestContext/disconnectReason").asText()).isEqualTo("Going away: idle timeout");
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo("$disconnect");
        assertThat(event.getRequestContext().getEventType()).isEqualTo("DISCONNECT");
    }

    private static EventIds ids() {
        return new EventIds("req2=", "msg1=", LATER);
    }

    // The serializer Lambda's Java runtime (and ours) uses for event classes it has no mix-ins for.
    private static APIGatewayV2WebSocketEvent read(Object event) throws Exception {
        var serializer = JacksonFactory.getInstance().getSerializer(APIGatewayV2WebSocketEvent.class);
        return serializer.fromJson(Json.mapper().writeValueAsString(event));
    }
}

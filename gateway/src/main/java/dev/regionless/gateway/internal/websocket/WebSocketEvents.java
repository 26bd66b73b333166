package dev.regionless.gateway.internal.websocket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.gateway.WebSocketApiDefinition;
import dev.regionless.gateway.internal.message.Header;
import dev.regionless.gateway.internal.payload.QueryParameters;
import dev.regionless.gateway.internal.payload.RequestTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The events a WebSocket API sends its functions, shaped as Lambda delivers them and as
 * {@code APIGatewayV2WebSocketEvent} reads them: the handshake's headers and query on {@code CONNECT}, the body on
 * {@code MESSAGE}, the close code and reason on {@code DISCONNECT}, and the same {@code requestContext} on all three.
 */
public final class WebSocketEvents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WebSocketEvents() {}

    /** The ids and time of one event. */
    public record EventIds(String requestId, String messageId, Instant time) {}

    /** The {@code $connect} event: the handshake's headers and query string; no body. */
    public static ObjectNode connect(ConnectionFacts facts, List<Header> headers, String rawQuery, EventIds ids) {
        var event = NODES.objectNode();
        headers(event, headers);
        var query = QueryParameters.parse(rawQuery == null ? "" : rawQuery);
        if (!query.isEmpty()) {
            var single = event.putObject("queryStringParameters");
            query.lastValues().forEach(single::put);
            var multi = event.putObject("multiValueQueryStringParameters");
            query.values().forEach((name, values) -> values.forEach(multi.withArray(name)::add));
        }
        event.set("requestContext", requestContext(facts, WebSocketApiDefinition.CONNECT, "CONNECT", ids));
        event.put("isBase64Encoded", false);
        return event;
    }

    /** A message's event: routed to {@code routeKey}, with the message as its text body. */
    public static ObjectNode message(ConnectionFacts facts, String routeKey, String body, EventIds ids) {
        var event = NODES.objectNode();
        event.set("requestContext", requestContext(facts, routeKey, "MESSAGE", ids));
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    /** The {@code $disconnect} event, naming the close code and reason as AWS does. */
    public static ObjectNode disconnect(ConnectionFacts facts, CloseReason close, EventIds ids) {
        var event = NODES.objectNode();
        var context = requestContext(facts, WebSocketApiDefinition.DISCONNECT, "DISCONNECT", ids);
        context.put("disconnectStatusCode", close.code());
        context.put("disconnectReason", close.reason());
        event.set("requestContext", context);
        event.put("isBase64Encoded", false);
        return event;
    }

    private static ObjectNode requestContext(ConnectionFacts facts, String routeKey, String eventType, EventIds ids) {
        var context = NODES.objectNode();
        context.put("routeKey", routeKey);
        if (facts.authorizer() != null) {
            context.set("authorizer", facts.authorizer().deepCopy());
        }
        context.put("messageId", ids.messageId());
        context.put("eventType", eventType);
        context.put("extendedRequestId", ids.requestId());
        context.put("requestTime", RequestTimes.format(ids.time()));
        context.put("messageDirection", "IN");
        context.put("stage", facts.stage());
        context.put("connectedAt", facts.connectedAt().toEpochMilli());
        context.put("requestTimeEpoch", ids.time().toEpochMilli());
        var identity = context.putObject("identity");
        identity.put("userAgent", facts.userAgent());
        identity.put("sourceIp", facts.sourceIp());
        context.put("requestId", ids.requestId());
        context.put("domainName", facts.domainName());
        context.put("connectionId", facts.connectionId());
        context.put("apiId", facts.apiId());
        return context;
    }

    private static void headers(ObjectNode event, List<Header> headers) {
        var single = new LinkedHashMap<String, String>();
        var multi = new LinkedHashMap<String, List<String>>();
        for (var header : headers) {
            single.put(header.name(), header.value());
            multi.computeIfAbsent(header.name(), k -> new ArrayList<>()).add(header.value());
        }
        var singleNode = event.putObject("headers");
        single.forEach(singleNode::put);
        var multiNode = event.putObject("multiValueHeaders");
        multi.forEach((name, values) -> values.forEach(multiNode.withArray(name)::add));
    }
}

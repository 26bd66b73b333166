package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * A WebSocket API's functions in one handler, written as for AWS: it reads the typed event and answers through
 * {@code @connections} at {@code http://{domainName}/{stage}}, as the AWS samples do. By route:
 *
 * <ul>
 *   <li>{@code $connect}: refuses with the query's {@code status}, throws when the query has {@code fail}, refuses
 *       with 418 when the query's {@code expectUser} is not the authorizer context's {@code user}, else 200
 *       choosing the last subprotocol the client offers ({@code Sec-WebSocket-Protocol}), if any, unless the query
 *       has {@code noProtocol};
 *   <li>{@code $disconnect}: prints {@code DISCONNECT <connectionId> <eventType>} to its log;
 *   <li>{@code describe}: sends back, as JSON, every field of the event it saw;
 *   <li>{@code info}: sends back what {@code GetConnection} says of its own connection;
 *   <li>{@code kick}: deletes its own connection;
 *   <li>{@code fail}: throws;
 *   <li>{@code slow}: waits the body's {@code millis}, then sends the body back;
 *   <li>anything else ({@code $default} and custom keys): sends back {@code <routeKey>:<body>}.
 * </ul>
 */
public class WebSocketProbe implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Map<String, ApiGatewayManagementApiClient> CLIENTS = new ConcurrentHashMap<>();
    private static final Pattern MILLIS = Pattern.compile("\"millis\"\\s*:\\s*(\\d+)");

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        var request = event.getRequestContext();
        var connectionId = request.getConnectionId();
        switch (request.getRouteKey()) {
            case "$connect" -> {
                var query = event.getQueryStringParameters();
                if (query != null && query.containsKey("fail")) {
                    throw new IllegalStateException("refusing " + connectionId);
                }
                if (query != null
                        && query.containsKey("expectUser")
                        && !query.get("expectUser").equals(user(request))) {
                    return status(418);
                }
                var response = status(
                        query != null && query.containsKey("status") ? Integer.parseInt(query.get("status")) : 200);
                if (query == null || !query.containsKey("noProtocol")) {
                    lastOffered(event)
                            .ifPresent(chosen -> response.setHeaders(Map.of("Sec-WebSocket-Protocol", chosen)));
                }
                return response;
            }
            case "$disconnect" -> System.out.println("DISCONNECT " + connectionId + " " + request.getEventType());
            case "describe" -> post(event, describe(event));
            case "info" -> {
                var info = client(event).getConnection(r -> r.connectionId(connectionId));
                post(
                        event,
                        "{\"connectedAt\":\"" + info.connectedAt() + "\",\"lastActiveAt\":\"" + info.lastActiveAt()
                                + "\",\"sourceIp\":\"" + info.identity().sourceIp() + "\",\"userAgent\":"
                                + quoted(info.identity().userAgent()) + "}");
            }
            case "kick" -> client(event).deleteConnection(r -> r.connectionId(connectionId));
            case "fail" -> throw new IllegalStateException("failing on purpose");
            case "slow" -> {
                var millis = MILLIS.matcher(event.getBody());
                sleep(millis.find() ? Long.parseLong(millis.group(1)) : 0);
                post(event, event.getBody());
            }
            default -> post(event, request.getRouteKey() + ":" + event.getBody());
        }
        return status(200);
    }

    /** The last subprotocol offered: a choice other than the first shows whose choice the client got. */
    private static java.util.Optional<String> lastOffered(APIGatewayV2WebSocketEvent event) {
        var headers = event.getHeaders() == null ? Map.<String, String>of() : event.getHeaders();
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol"))
                .map(header -> header.getValue().split(","))
                .map(offered -> offered[offered.length - 1].trim())
                .filter(chosen -> !chosen.isEmpty())
                .findFirst();
    }

    /** The {@code user} the $connect authorizer passed on, or null. */
    private static String user(APIGatewayV2WebSocketEvent.RequestContext request) {
        var authorizer = request.getAuthorizer();
        return authorizer == null || authorizer.get("user") == null ? null : String.valueOf(authorizer.get("user"));
    }

    private static APIGatewayV2WebSocketResponse status(int code) {
        var response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(code);
        return response;
    }

    private static String describe(APIGatewayV2WebSocketEvent event) {
        var request = event.getRequestContext();
        return "{\"routeKey\":" + quoted(request.getRouteKey())
                + ",\"eventType\":" + quoted(request.getEventType())
                + ",\"messageId\":" + quoted(request.getMessageId())
                + ",\"connectionId\":" + quoted(request.getConnectionId())
                + ",\"connectedAt\":" + request.getConnectedAt()
                + ",\"requestTimeEpoch\":" + request.getRequestTimeEpoch()
                + ",\"requestTime\":" + quoted(request.getRequestTime())
                + ",\"requestId\":" + quoted(request.getRequestId())
                + ",\"extendedRequestId\":" + quoted(request.getExtendedRequestId())
                + ",\"messageDirection\":" + quoted(request.getMessageDirection())
                + ",\"domainName\":" + quoted(request.getDomainName())
                + ",\"stage\":" + quoted(request.getStage())
                + ",\"apiId\":" + quoted(request.getApiId())
                + ",\"sourceIp\":" + quoted(request.getIdentity().getSourceIp())
                + ",\"userAgent\":" + quoted(request.getIdentity().getUserAgent())
                + ",\"authorizerUser\":" + quoted(user(request))
                + ",\"principalId\":"
                + quoted(
                        request.getAuthorizer() == null
                                ? null
                                : String.valueOf(request.getAuthorizer().get("principalId")))
                + ",\"body\":" + quoted(event.getBody())
                + ",\"isBase64Encoded\":" + event.isIsBase64Encoded()
                + "}";
    }

    private static void post(APIGatewayV2WebSocketEvent event, String data) {
        var connectionId = event.getRequestContext().getConnectionId();
        client(event).postToConnection(r -> r.connectionId(connectionId).data(SdkBytes.fromUtf8String(data)));
    }

    // The endpoint AWS documents for callbacks: the API's own domain and stage, taken from the event.
    private static ApiGatewayManagementApiClient client(APIGatewayV2WebSocketEvent event) {
        var request = event.getRequestContext();
        var endpoint = "http://" + request.getDomainName() + "/" + request.getStage();
        return CLIENTS.computeIfAbsent(
                endpoint,
                url -> ApiGatewayManagementApiClient.builder()
                        .endpointOverride(URI.create(url))
                        .build());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

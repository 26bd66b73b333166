package dev.regionless.gateway.protocol;

import dev.regionless.common.AwsException;
import dev.regionless.common.ErrorRendering;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.gateway.WebSocketConnection;
import dev.regionless.gateway.WebSocketErrors;
import dev.regionless.gateway.WebSocketGateway;
import dev.regionless.gateway.internal.message.PercentDecoding;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code @connections} API ({@code rest-json}): {@code POST} sends the body to the client, {@code GET} describes
 * the connection, {@code DELETE} closes it, at {@code /{stage}/@connections/{connectionId}} with the id
 * URL-encoded. A connection is found only under its own API's stage; a stage no API has is 403
 * {@code ForbiddenException}. Without a stage ({@code /@connections/{id}}, as through a custom domain mapped at the
 * root) any connection of the region is found.
 */
public final class ConnectionsApi {
    private static final Pattern PATH = Pattern.compile("(?:/([^/@]+))?/@connections/([^/]+)");

    private final WebSocketGateway gateway;

    public ConnectionsApi(WebSocketGateway gateway) {
        this.gateway = gateway;
    }

    /** True for requests addressed to {@code @connections}. */
    public static boolean accepts(ServiceRequest request) {
        return PATH.matcher(request.path()).matches();
    }

    /** Answers one request; errors in AWS's {@code rest-json} shape ({@code x-amzn-ErrorType}). */
    public ServiceResponse handle(ServiceRequest request) {
        try {
            return route(request);
        } catch (AwsException e) {
            return ErrorRendering.restJson(e);
        }
    }

    private ServiceResponse route(ServiceRequest request) {
        var matcher = PATH.matcher(request.path());
        if (!matcher.matches()) {
            throw WebSocketErrors.forbidden();
        }
        var stage = matcher.group(1);
        var connectionId = PercentDecoding.decodePath(matcher.group(2));
        if (stage != null
                && gateway.apis().stream().noneMatch(api -> api.stage().equals(stage))) {
            throw WebSocketErrors.forbidden();
        }
        var connection = find(connectionId, stage).orElseThrow(() -> WebSocketErrors.gone(connectionId));
        return switch (request.method()) {
            case "POST" -> {
                gateway.send(connectionId, request.body());
                yield new ServiceResponse(200, Map.of(), new byte[0]);
            }
            case "GET" -> ServiceResponse.json(200, describe(connection));
            case "DELETE" -> {
                gateway.disconnect(connectionId);
                yield new ServiceResponse(204, Map.of(), new byte[0]);
            }
            default -> throw WebSocketErrors.forbidden();
        };
    }

    private Optional<WebSocketConnection> find(String connectionId, String stage) {
        return gateway.connection(connectionId)
                .filter(c -> stage == null || c.stage().equals(stage));
    }

    private static Map<String, Object> describe(WebSocketConnection connection) {
        var identity = new LinkedHashMap<String, Object>();
        identity.put("sourceIp", connection.sourceIp());
        identity.put("userAgent", connection.userAgent());
        var body = new LinkedHashMap<String, Object>();
        body.put("connectedAt", iso(connection.connectedAt()));
        body.put("identity", identity);
        body.put("lastActiveAt", iso(connection.lastActiveAt()));
        return body;
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

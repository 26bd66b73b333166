package dev.regionless.gateway.internal.websocket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What never changes about a connection, and what every one of its events repeats.
 *
 * @param connectionId the id clients of {@code @connections} use; unique in the region
 * @param apiId the API the client connected to
 * @param stage that API's stage
 * @param domainName {@code host:port} of the WebSocket port, so {@code http://{domainName}/{stage}} reaches
 *     {@code @connections}
 * @param connectedAt when the handshake arrived
 * @param sourceIp the client's address
 * @param userAgent the client's {@code User-Agent}, or {@code null}
 * @param authorizer what the {@code $connect} authorizer passed on ({@code requestContext.authorizer} of every
 *     event of the connection), or {@code null}
 */
public record ConnectionFacts(
        String connectionId,
        String apiId,
        String stage,
        String domainName,
        Instant connectedAt,
        String sourceIp,
        String userAgent,
        ObjectNode authorizer) {

    /** A connection no authorizer has seen. */
    public ConnectionFacts(
            String connectionId,
            String apiId,
            String stage,
            String domainName,
            Instant connectedAt,
            String sourceIp,
            String userAgent) {
        this(connectionId, apiId, stage, domainName, connectedAt, sourceIp, userAgent, null);
    }

    /** These facts with what the authorizer passed on. */
    public ConnectionFacts withAuthorizer(ObjectNode authorizerContext) {
        return new ConnectionFacts(
                connectionId, apiId, stage, domainName, connectedAt, sourceIp, userAgent, authorizerContext);
    }
}

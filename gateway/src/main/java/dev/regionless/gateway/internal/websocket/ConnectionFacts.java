package dev.regionless.gateway.internal.websocket;

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
 */
public record ConnectionFacts(
        String connectionId,
        String apiId,
        String stage,
        String domainName,
        Instant connectedAt,
        String sourceIp,
        String userAgent) {}

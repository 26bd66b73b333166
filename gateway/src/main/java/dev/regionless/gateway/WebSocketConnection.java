package dev.regionless.gateway;

import java.time.Instant;

/**
 * One open WebSocket connection, as {@code GET @connections/{id}} describes it.
 *
 * @param connectionId the connection's id, unique in the region
 * @param apiId the API it is connected to
 * @param stage that API's stage
 * @param connectedAt when the client connected
 * @param lastActiveAt when the client last sent a frame
 * @param sourceIp the client's address
 * @param userAgent the client's {@code User-Agent} at the handshake, or {@code null}
 */
public record WebSocketConnection(
        String connectionId,
        String apiId,
        String stage,
        Instant connectedAt,
        Instant lastActiveAt,
        String sourceIp,
        String userAgent) {}

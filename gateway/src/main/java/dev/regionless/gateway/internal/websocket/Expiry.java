package dev.regionless.gateway.internal.websocket;

import dev.regionless.gateway.WebSocketLimits;
import java.time.Instant;
import java.util.Optional;

/** API Gateway's two connection timeouts, judged against the gateway's clock. */
public final class Expiry {
    private Expiry() {}

    /**
     * Why a connection must close now, if it must: it has been open for the maximum duration, or has heard
     * nothing from its client for the idle timeout.
     */
    public static Optional<CloseReason> check(
            Instant connectedAt, Instant lastActiveAt, Instant now, WebSocketLimits limits) {
        if (!now.isBefore(connectedAt.plus(limits.maxDuration()))) {
            return Optional.of(CloseReason.tooOld());
        }
        if (!now.isBefore(lastActiveAt.plus(limits.idleTimeout()))) {
            return Optional.of(CloseReason.idle());
        }
        return Optional.empty();
    }
}

package dev.regionless.gateway.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.WebSocketLimits;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryTest {
    private static final Instant OPENED = Instant.parse("2026-01-01T10:00:00Z");
    private static final WebSocketLimits AWS = WebSocketLimits.defaults();

    @Test
    void connectionActiveWithinTenMinutesStaysOpen() {
        var now = OPENED.plus(Duration.ofMinutes(9).plusSeconds(59));

        assertThat(Expiry.check(OPENED, OPENED, now, AWS)).isEmpty();
    }

    @Test
    void connectionSilentForTenMinutesIsClosedAsIdle() {
        var now = OPENED.plus(Duration.ofMinutes(10));

        assertThat(Expiry.check(OPENED, OPENED, now, AWS)).contains(CloseReason.idle());
    }

    @Test
    void activityResetsTheIdleTimeout() {
        var lastActive = OPENED.plus(Duration.ofMinutes(8));

        assertThat(Expiry.check(OPENED, lastActive, OPENED.plus(Duration.ofMinutes(15)), AWS))
                .isEmpty();
    }

    @Test
    void activeConnectionIsClosedAfterTwoHours() {
        var now = OPENED.plus(Duration.ofHours(2));
        var lastActive = now.minusSeconds(1);

        assertThat(Expiry.check(OPENED, lastActive, now, AWS)).contains(CloseReason.tooOld());
        assertThat(CloseReason.tooOld().code()).isEqualTo(1001);
    }
}

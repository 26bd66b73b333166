package dev.regionless.tables.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HybridClockTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void timestampsFollowTheWallClock() {
        var clock = new HybridClock(FIXED);

        assertThat(HybridClock.millisOf(clock.now())).isEqualTo(FIXED.millis());
    }

    @Test
    void timestampsIncreaseEvenWhenTheWallClockStandsStill() {
        var clock = new HybridClock(FIXED);

        long first = clock.now();
        long second = clock.now();

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void anObservedTimestampAheadOfTheWallClockIsExceededByTheNextOne() {
        var clock = new HybridClock(FIXED);
        long ahead = (FIXED.millis() + 60_000) << HybridClock.LOGICAL_BITS;

        clock.observe(ahead);

        assertThat(clock.now()).isGreaterThan(ahead);
    }
}

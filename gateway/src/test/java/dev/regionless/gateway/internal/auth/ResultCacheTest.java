package dev.regionless.gateway.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResultCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void entryIsServedUntilItsTtlHasPassed() {
        var cache = new ResultCache<String>(clock, Duration.ofSeconds(300));
        cache.put("token", "policy");

        clock.advance(Duration.ofSeconds(299));
        var before = cache.get("token");
        clock.advance(Duration.ofSeconds(1));
        var after = cache.get("token");

        assertThat(before).hasValue("policy");
        assertThat(after).isEmpty();
    }

    @Test
    void zeroTtlCachesNothing() {
        var cache = new ResultCache<String>(clock, Duration.ZERO);

        cache.put("token", "policy");

        assertThat(cache.enabled()).isFalse();
        assertThat(cache.get("token")).isEmpty();
    }
}

package dev.regionless.gateway.internal.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.Throttle;
import dev.regionless.gateway.testing.MutableClock;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final MutableClock clock = MutableClock.atExampleTime();

    @Test
    void fullBucketAllowsTheBurstThenRefuses() {
        var bucket = new TokenBucket(new Throttle(1, 3), clock);

        var allowed = IntStream.range(0, 4).mapToObj(i -> bucket.tryAcquire()).toList();

        assertThat(allowed).containsExactly(true, true, true, false);
    }

    @Test
    void tokensComeBackAtTheRateLimit() {
        var bucket = new TokenBucket(new Throttle(2, 1), clock);
        bucket.tryAcquire();

        clock.advance(Duration.ofMillis(499));
        boolean tooEarly = bucket.tryAcquire();
        clock.advance(Duration.ofMillis(1));
        boolean afterHalfSecond = bucket.tryAcquire();

        assertThat(tooEarly).isFalse();
        assertThat(afterHalfSecond).isTrue();
    }

    @Test
    void refillNeverExceedsTheBurstLimit() {
        var bucket = new TokenBucket(new Throttle(100, 2), clock);

        clock.advance(Duration.ofHours(1));
        var allowed = IntStream.range(0, 3).mapToObj(i -> bucket.tryAcquire()).toList();

        assertThat(allowed).containsExactly(true, true, false);
    }

    @Test
    void zeroBurstRefusesEveryRequest() {
        var bucket = new TokenBucket(new Throttle(10, 0), clock);

        clock.advance(Duration.ofSeconds(5));

        assertThat(bucket.tryAcquire()).isFalse();
    }
}

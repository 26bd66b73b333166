package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void theDelayDoublesFromTheFirstUntilItReachesTheMaximum() {
        var delays = IntStream.rangeClosed(1, 7)
                .mapToObj(failures -> backoff.delayAfter(failures).toSeconds())
                .toList();

        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void aDayOfFailuresNeitherOverflowsNorPassesTheMaximum() {
        assertThat(backoff.delayAfter(3_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void thereIsNoDelayBeforeAnyFailure() {
        assertThatThrownBy(() -> backoff.delayAfter(0)).hasMessage("failures: 0 (expected: >= 1)");
    }
}

package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AsyncRetryPolicyTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static AsyncEvent event(int functionErrors, int throttles) {
        return new AsyncEvent(
                "id", "fn", new byte[0], T0, functionErrors + throttles, functionErrors, throttles, T0, null);
    }

    @Test
    void theFirstFunctionErrorIsRetriedAfterAMinuteAndTheSecondAfterTwo() {
        var first = AsyncRetryPolicy.afterFunctionError(event(1, 0), 2, T0);
        var second = AsyncRetryPolicy.afterFunctionError(event(2, 0), 2, T0.plusSeconds(60));

        assertThat(first).isEqualTo(new AsyncRetryPolicy.Decision.Retry(T0.plusSeconds(60)));
        assertThat(second).isEqualTo(new AsyncRetryPolicy.Decision.Retry(T0.plusSeconds(180)));
    }

    @Test
    void aFunctionErrorBeyondMaximumRetryAttemptsDiscardsWithRetriesExhausted() {
        var afterThird = AsyncRetryPolicy.afterFunctionError(event(3, 0), 2, T0);
        var withNoRetries = AsyncRetryPolicy.afterFunctionError(event(1, 0), 0, T0);

        assertThat(afterThird).isEqualTo(new AsyncRetryPolicy.Decision.Discard("RetriesExhausted"));
        assertThat(withNoRetries).isEqualTo(new AsyncRetryPolicy.Decision.Discard("RetriesExhausted"));
    }

    @Test
    void throttlesBackOffFromOneSecondDoublingToFiveMinutesWithoutUsingRetries() {
        var first = AsyncRetryPolicy.afterThrottle(event(0, 1), T0);
        var fourth = AsyncRetryPolicy.afterThrottle(event(0, 4), T0);
        var manyth = AsyncRetryPolicy.afterThrottle(event(0, 40), T0);

        assertThat(first).isEqualTo(new AsyncRetryPolicy.Decision.Retry(T0.plusSeconds(1)));
        assertThat(fourth).isEqualTo(new AsyncRetryPolicy.Decision.Retry(T0.plusSeconds(8)));
        assertThat(manyth).isEqualTo(new AsyncRetryPolicy.Decision.Retry(T0.plus(Duration.ofMinutes(5))));
    }

    @Test
    void anEventExpiresOnlyOnceItIsOlderThanItsMaximumAge() {
        var event = event(0, 0);

        assertThat(AsyncRetryPolicy.expired(event, 60, T0.plusSeconds(60))).isFalse();
        assertThat(AsyncRetryPolicy.expired(event, 60, T0.plusSeconds(61))).isTrue();
    }
}

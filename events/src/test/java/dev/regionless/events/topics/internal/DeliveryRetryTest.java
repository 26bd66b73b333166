package dev.regionless.events.topics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryRetryTest {

    @Test
    void threeImmediateRetriesThenTwoAfterASecondThenBackoffToTwentySeconds() {
        assertThat(DeliveryRetry.delayAfter(1)).contains(Duration.ZERO);
        assertThat(DeliveryRetry.delayAfter(3)).contains(Duration.ZERO);
        assertThat(DeliveryRetry.delayAfter(4)).contains(Duration.ofSeconds(1));
        assertThat(DeliveryRetry.delayAfter(5)).contains(Duration.ofSeconds(1));
        assertThat(DeliveryRetry.delayAfter(6)).contains(Duration.ofSeconds(1));
        assertThat(DeliveryRetry.delayAfter(8)).contains(Duration.ofSeconds(4));
        assertThat(DeliveryRetry.delayAfter(15)).contains(Duration.ofSeconds(20));
        assertThat(DeliveryRetry.delayAfter(16)).contains(Duration.ofSeconds(20));
    }

    @Test
    void aDeliveryIsGivenUpAfterOneHundredThousandAndFifteenAttempts() {
        assertThat(DeliveryRetry.delayAfter(100_014)).contains(Duration.ofSeconds(20));
        assertThat(DeliveryRetry.delayAfter(100_015)).isEqualTo(Optional.empty());
    }
}

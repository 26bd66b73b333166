package dev.regionless.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RttEstimateTest {
    @Test
    void aSlowFirstMeasurementDoesNotCountOnceFasterOnesArrive() {
        var rtt = new RttEstimate();

        rtt.add(Duration.ofMillis(900));
        rtt.add(Duration.ofMillis(2));

        assertThat(rtt.millis()).isEqualTo(2.0);
        assertThat(rtt.lastMillis()).isEqualTo(2.0);
    }

    @Test
    void theLowestOfTheLastEightMeasurementsCounts() {
        var rtt = new RttEstimate();
        rtt.add(Duration.ofMillis(1));

        for (int i = 0; i < RttEstimate.WINDOW; i++) {
            rtt.add(Duration.ofMillis(50));
        }

        assertThat(rtt.millis()).isEqualTo(50.0);
    }

    @Test
    void anUnmeasuredRegionHasNoRoundTrip() {
        var rtt = new RttEstimate();

        assertThat(rtt.millis()).isZero();
        assertThat(rtt.lastMillis()).isNaN();
    }
}

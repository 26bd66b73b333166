package dev.regionless.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LagWindowTest {
    @Test
    void percentilesAreNearestRankOverTheSamplesHeld() {
        var window = new LagWindow(100);
        for (int lag = 1; lag <= 100; lag++) {
            window.add(lag);
        }

        assertThat(window.percentile(50)).isEqualTo(50);
        assertThat(window.percentile(99)).isEqualTo(99);
        assertThat(window.percentile(100)).isEqualTo(100);
    }

    @Test
    void onlyTheMostRecentSamplesCount() {
        var window = new LagWindow(4);
        for (long lag : new long[] {1000, 1000, 1000, 1000, 5, 5, 5, 5}) {
            window.add(lag);
        }

        assertThat(window.percentile(99)).isEqualTo(5);
    }

    @Test
    void anEmptyWindowHasNoPercentile() {
        assertThat(new LagWindow(8).percentile(50)).isEqualTo(-1);
    }
}

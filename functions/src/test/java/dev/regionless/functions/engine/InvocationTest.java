package dev.regionless.functions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvocationTest {
    @Test
    void reportMillisecondsHaveTwoDecimalsRoundedHalfUp() {
        assertThat(Invocation.millis(1_234_567)).isEqualTo("1.23");
        assertThat(Invocation.millis(50_000)).isEqualTo("0.05");
        assertThat(Invocation.millis(1_005_000)).isEqualTo("1.01");
        assertThat(Invocation.millis(12_340_000_000L)).isEqualTo("12340.00");
    }
}

package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunOptionsTest {
    @Test
    void keepAliveAcceptsShortFormsAndIsoDurations() {
        assertThat(keepAlive("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(keepAlive("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(keepAlive("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(keepAlive("PT5M")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void keepAliveThatIsNotAPositiveDurationNamesTheExpectedForms() {
        assertThatThrownBy(() -> keepAlive("0s"))
                .isInstanceOf(CliException.class)
                .hasMessage("--keep-alive: 0s (expected: a duration such as 90s, 10m or PT10M)");
        assertThatThrownBy(() -> keepAlive("soon")).isInstanceOf(CliException.class);
    }

    @Test
    void parameterOverrideWithoutEqualsSignIsRejected() {
        var overrides = new ParameterOverrides();
        overrides.pairs = java.util.List.of("Greeting");

        assertThatThrownBy(overrides::values)
                .isInstanceOf(CliException.class)
                .hasMessage("--parameter-overrides: Greeting (expected: Key=Value)");
    }

    private static Duration keepAlive(String text) {
        var options = new RunOptions();
        options.keepAlive = text;
        return options.keepAliveDuration();
    }
}

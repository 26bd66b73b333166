package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regionless.region.RegionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        overrides.pairs = List.of("Greeting");

        assertThatThrownBy(overrides::values)
                .isInstanceOf(CliException.class)
                .hasMessage("--parameter-overrides: Greeting (expected: Key=Value)");
    }

    @Test
    void eachRegionOfAMultiRegionRunListensOnItsOwnLoopbackAddressInTheOrderGiven() {
        assumeTrue(LoopbackAddresses.usable(3), "this system answers only on 127.0.0.1");
        var names = List.of("eu-west-2", "us-west-2", "us-east-1");
        var options = new RunOptions();

        var hosts = names.stream().map(name -> options.hostFor(name, names)).toList();

        assertThat(hosts).containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.4");
    }

    @Test
    void aSingleRegionListensOn127001() {
        assertThat(new RunOptions().hostFor("eu-west-2", List.of("eu-west-2"))).isEqualTo("127.0.0.1");
    }

    @Test
    void hostPutsEveryRegionOnThatAddress() {
        var names = List.of("eu-west-2", "us-west-2");
        var options = new RunOptions();
        options.host = "127.0.0.1";

        assertThat(options.hostFor("us-west-2", names)).isEqualTo("127.0.0.1");
        assertThat(options.applyTo(RegionConfig.defaults("eu-west-2", Path.of("x")), names)
                        .host())
                .isEqualTo("127.0.0.1");
    }

    private static Duration keepAlive(String text) {
        var options = new RunOptions();
        options.keepAlive = text;
        return options.keepAliveDuration();
    }
}

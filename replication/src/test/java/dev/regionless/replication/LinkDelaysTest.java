package dev.regionless.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkDelaysTest {
    @Test
    void aDelayAppliesToItsDirectionOnly() {
        var delays = LinkDelays.none().with("eu-west-2", "us-east-1", Duration.ofMillis(40));

        assertThat(delays.of("eu-west-2", "us-east-1")).isEqualTo(Duration.ofMillis(40));
        assertThat(delays.of("us-east-1", "eu-west-2")).isEqualTo(Duration.ZERO);
    }

    @Test
    void withBothDelaysBothDirections() {
        var delays = LinkDelays.none().withBoth("eu-west-2", "us-west-2", Duration.ofMillis(70));

        assertThat(delays.of("us-west-2", "eu-west-2")).isEqualTo(Duration.ofMillis(70));
        assertThat(delays.of("eu-west-2", "us-west-2")).isEqualTo(Duration.ofMillis(70));
    }

    @Test
    void aNegativeDelayIsRefusedWithTheLinkNamed() {
        assertThatThrownBy(() -> LinkDelays.none().with("eu-west-2", "us-east-1", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("link delay eu-west-2>us-east-1: PT-0.001S (expected: >= 0)");
    }

    @Test
    void destinationsFromListTheRegionsALinkFromARegionHasADelayTo() {
        var delays = LinkDelays.none()
                .withBoth("eu-west-2", "us-west-2", Duration.ofMillis(70))
                .with("eu-west-2", "us-east-1", Duration.ZERO)
                .with("us-east-1", "ap-south-1", Duration.ofMillis(5));

        assertThat(delays.destinationsFrom("eu-west-2")).containsExactly("us-east-1", "us-west-2");
    }
}

package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionConfigTest {
    @Test
    void loopbackAddressesStartAt127002AndFollowTheOrderOfTheRegions() {
        assertThat(RegionConfig.loopbackAddress(0)).isEqualTo("127.0.0.2");
        assertThat(RegionConfig.loopbackAddress(2)).isEqualTo("127.0.0.4");
        assertThat(RegionConfig.loopbackAddress(252)).isEqualTo("127.0.0.254");
    }

    @Test
    void loopbackAddressPast127000254IsRefused() {
        assertThatThrownBy(() -> RegionConfig.loopbackAddress(253))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loopback address index: 253 (expected: 0..252, one address per region from 127.0.0.2 to"
                        + " 127.0.0.254)");
    }

    @Test
    void defaultsListenOn127001() {
        assertThat(RegionConfig.defaults("eu-west-2", java.nio.file.Path.of("x"))
                        .host())
                .isEqualTo("127.0.0.1");
    }
}

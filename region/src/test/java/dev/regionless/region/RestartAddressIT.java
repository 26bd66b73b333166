package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A region restarted on its data folder comes back at the addresses it had, as an AWS region's endpoints do. */
class RestartAddressIT {
    @TempDir
    Path folder;

    @Test
    void aRestartedRegionListensOnItsFormerPortsWhenTheyAreFree() {
        RegionEndpoints before;
        try (var regions = RegionSet.start(folder, List.of("eu-west-2"))) {
            before = regions.region("eu-west-2").endpoints();
        }

        try (var regions = RegionSet.start(folder, List.of("eu-west-2"))) {
            var after = regions.region("eu-west-2").endpoints();

            assertThat(after.service()).isEqualTo(before.service());
            assertThat(after.admin()).isEqualTo(before.admin());
            assertThat(regions.region("eu-west-2").appUri().getPort()).isGreaterThan(0);
        }
    }
}

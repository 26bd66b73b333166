package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A region restarted on its data folder answers on its ports at once, but its app's routes only once the template
 * is deployed again: until then its region health fails, so that a router sends no client to an app that is not
 * there yet.
 */
class RestartedRegionHealthIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void aRegionThatNeverHadAnAppIsHealthyAtOnce() throws Exception {
        try (var regions = RegionSet.start(folder, List.of("eu-west-2"))) {
            assertThat(regionHealth(regions).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRestartedRegionIsUnhealthyUntilItsAppIsDeployedAgain() throws Exception {
        try (var regions = RegionSet.start(folder, List.of("eu-west-2"))) {
            regions.deploy(TestApps.helloTemplate(), Map.of());
            assertThat(regionHealth(regions).statusCode()).isEqualTo(200);
        }

        try (var regions = RegionSet.start(folder, List.of("eu-west-2"))) {
            var beforeDeploy = regionHealth(regions);
            regions.deploy(TestApps.helloTemplate(), Map.of());
            var afterDeploy = regionHealth(regions);

            assertThat(beforeDeploy.statusCode()).isEqualTo(503);
            assertThat(beforeDeploy.body()).contains("\"deploying\"");
            assertThat(afterDeploy.statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> regionHealth(RegionSet regions) throws Exception {
        URI admin = regions.region("eu-west-2").endpoints().admin();
        return HTTP.send(
                HttpRequest.newBuilder(admin.resolve("/admin/region-health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

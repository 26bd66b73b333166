package dev.regionless.router;

import static dev.regionless.router.EdgeFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each routing policy, through real edges and real regions, picks the region Route 53 would answer. */
class RoutingPolicyIT {
    @TempDir
    static Path folder;

    static EdgeFixture fixture;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fixture = new EdgeFixture(folder, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static String servedBy(Edge edge) throws Exception {
        var uri = URI.create(edge.endpoints().http() + fixture.stage() + "/echo");
        var response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("X-Regionless-Region").orElseThrow();
    }

    static void awaitHealth(Edge edge, String region, String health) {
        await().untilAsserted(() -> assertThat(status(edge, region).health()).isEqualTo(health));
    }

    static Map<String, Integer> shares(Edge edge, int requests) throws Exception {
        var served = new HashMap<String, Integer>();
        for (int i = 0; i < requests; i++) {
            served.merge(servedBy(edge), 1, Integer::sum);
        }
        return served;
    }

    @Test
    void latencySendsEachEdgeToItsNearestRegion() throws Exception {
        var london = fixture.start(fixture.config("london"));
        var oregon = fixture.start(fixture.config("oregon"));

        assertThat(servedBy(london)).isEqualTo("eu-west-2");
        assertThat(servedBy(oregon)).isEqualTo("us-west-2");
        assertThat(Dns.apiRegion(london)).isEqualTo("eu-west-2");
        assertThat(Dns.apiRegion(oregon)).isEqualTo("us-west-2");
    }

    @Test
    void failoverAnswersThePrimaryThenTheSecondaryThenThePrimaryWhenBothFail() throws Exception {
        var edge = fixture.start(fixture.config("failover").policy(RoutingPolicy.failover("eu-west-2", "us-west-2")));
        var whileHealthy = servedBy(edge);
        try {
            fixture.setHealth("eu-west-2", "fail");
            awaitHealth(edge, "eu-west-2", "unhealthy");
            var primaryDown = servedBy(edge);
            fixture.setHealth("us-west-2", "fail");
            awaitHealth(edge, "us-west-2", "unhealthy");
            var bothDown = servedBy(edge);

            assertThat(whileHealthy).isEqualTo("eu-west-2");
            assertThat(primaryDown).isEqualTo("us-west-2");
            assertThat(bothDown)
                    .as("Route 53 answers the primary when both are unhealthy")
                    .isEqualTo("eu-west-2");
            assertThat(Dns.apiRegion(edge)).isEqualTo("eu-west-2");
        } finally {
            fixture.setHealth("eu-west-2", "pass");
            fixture.setHealth("us-west-2", "pass");
        }
        awaitHealth(edge, "eu-west-2", "healthy");
        awaitHealth(edge, "us-west-2", "healthy");
    }

    @Test
    void weightedSharesFollowTheWeightsAndWeightZeroAnswersOnlyWhenTheOthersFail() throws Exception {
        var weights = new LinkedHashMap<String, Integer>();
        weights.put("eu-west-2", 1);
        weights.put("us-west-2", 1);
        weights.put("us-east-1", 0);
        var edge = fixture.start(fixture.config("weighted").policy(RoutingPolicy.weighted(weights)));

        var healthy = shares(edge, 200);
        try {
            fixture.setHealth("eu-west-2", "fail");
            fixture.setHealth("us-west-2", "fail");
            awaitHealth(edge, "eu-west-2", "unhealthy");
            awaitHealth(edge, "us-west-2", "unhealthy");
            var weightedDown = shares(edge, 20);

            assertThat(healthy.get("eu-west-2")).isBetween(60, 140);
            assertThat(healthy.get("us-west-2")).isBetween(60, 140);
            assertThat(healthy).doesNotContainKey("us-east-1");
            assertThat(weightedDown).containsExactly(Map.entry("us-east-1", 20));
        } finally {
            fixture.setHealth("eu-west-2", "pass");
            fixture.setHealth("us-west-2", "pass");
        }
        awaitHealth(edge, "eu-west-2", "healthy");
        awaitHealth(edge, "us-west-2", "healthy");
    }
}

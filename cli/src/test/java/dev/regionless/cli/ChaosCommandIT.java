package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos and status commands from another terminal, against three regions started by {@code up}, each on its own
 * loopback address: links cut and healed and delays changed at both ends, and the status views that show them.
 */
class ChaosCommandIT {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-west-2", "us-east-1");

    @TempDir
    static Path work;

    static CliProcess up;
    static JsonNode regions;

    @BeforeAll
    static void start() throws Exception {
        var template = Path.of(System.getProperty("regionless.home", "..")).resolve("examples/hello/template.yaml");
        up = CliProcess.start(
                work,
                "up",
                "--template",
                template.toString(),
                "--regions",
                String.join(",", REGIONS),
                "--data",
                "run",
                "--no-delay");
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            assertThat(up.isAlive()).as("regionless up exited: %s", up.output()).isTrue();
            return up.output().contains("Press Ctrl-C to stop.");
        });
        regions = new ObjectMapper()
                .readTree(Files.readString(work.resolve("run/endpoints.json")))
                .get("regions");
    }

    @AfterAll
    static void stop() {
        up.close();
    }

    @Test
    void eachRegionListensOnItsOwnLoopbackAddressInTheOrderGiven() throws Exception {
        var hello = get(URI.create(regions.get("us-west-2").get("api").asText() + "/hello"));

        assertThat(regions.get("eu-west-2").get("service").asText()).startsWith("http://127.0.0.2:");
        assertThat(regions.get("us-west-2").get("api").asText()).startsWith("http://127.0.0.3:");
        assertThat(regions.get("us-east-1").get("admin").asText()).startsWith("http://127.0.0.4:");
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.headers().firstValue("X-Regionless-Region")).hasValue("us-west-2");
        assertThat(up.output()).contains("service  http://127.0.0.2:");
    }

    @Test
    void aLinkCutIsCutAtBothEndsAndHealedAtBoth() throws Exception {
        var cut = CliProcess.run(work, "chaos", "link", "eu-west-2", "us-east-1", "cut", "--data", "run");
        var whileCut = status();
        var heal = CliProcess.run(work, "chaos", "link", "us-east-1", "eu-west-2", "heal", "--data", "run");
        var afterHeal = status();

        assertThat(cut.exitCode()).as(cut.output()).isZero();
        assertThat(cut.output()).contains("eu-west-2 <-> us-east-1: cut");
        assertThat(isCut(whileCut, "eu-west-2", "us-east-1")).isTrue();
        assertThat(isCut(whileCut, "us-east-1", "eu-west-2")).isTrue();
        assertThat(isCut(whileCut, "us-west-2", "eu-west-2")).isFalse();
        assertThat(heal.exitCode()).as(heal.output()).isZero();
        assertThat(isCut(afterHeal, "eu-west-2", "us-east-1")).isFalse();
        assertThat(isCut(afterHeal, "us-east-1", "eu-west-2")).isFalse();
    }

    @Test
    void aDelayIsSetInBothDirections() throws Exception {
        var delay = CliProcess.run(work, "chaos", "delay", "eu-west-2", "us-west-2", "--ms", "120", "--data", "run");
        var after = status();
        CliProcess.run(work, "chaos", "delay", "eu-west-2", "us-west-2", "--ms", "0", "--data", "run");

        assertThat(delay.exitCode()).as(delay.output()).isZero();
        assertThat(delay.output()).contains("eu-west-2 <-> us-west-2: 120 ms each way");
        assertThat(link(after, "eu-west-2", "us-west-2").path("delayMillis").asLong())
                .isEqualTo(120);
        assertThat(link(after, "us-west-2", "eu-west-2").path("delayMillis").asLong())
                .isEqualTo(120);
    }

    @Test
    void statusJsonListsEveryRegionsStatus() throws Exception {
        var snapshot = status();

        for (var region : REGIONS) {
            var entry = snapshot.path("regions").path(region);
            assertThat(entry.path("status").path("state").asText()).isEqualTo("up");
            assertThat(entry.path("status").path("health").asText()).isEqualTo("ok");
            assertThat(entry.path("endpoints").path("service").asText()).startsWith("http://127.0.0.");
        }
        assertThat(snapshot.path("edges").isObject()).isTrue();
    }

    @Test
    void statusWatchPrintsAFreshPlainViewEverySecondWhenOutputIsNotATerminal() throws Exception {
        try (var watch = CliProcess.start(work, "status", "--watch", "--data", "run")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> watch.output().split("regionless status at", -1).length > 2);

            assertThat(watch.output())
                    .contains("eu-west-2", "us-west-2", "us-east-1")
                    .doesNotContain("\033[");
        }
    }

    @Test
    void anUnknownRegionIsRefusedListingTheRegionsOfTheRun() throws Exception {
        var result = CliProcess.run(work, "chaos", "region", "eu-west-9", "down", "--data", "run");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output())
                .contains("eu-west-9 is not a region of this run (regions: eu-west-2, us-west-2, us-east-1)")
                .doesNotContain("\tat ");
    }

    private static JsonNode status() throws Exception {
        var result = CliProcess.run(work, "status", "--json", "--data", "run");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return new ObjectMapper().readTree(result.output());
    }

    /** The link from {@code region} to {@code peer} in a {@code status --json} snapshot. */
    private static JsonNode link(JsonNode snapshot, String region, String peer) {
        return linkIfListed(snapshot, region, peer)
                .orElseThrow(() -> new AssertionError("no link from " + region + " to " + peer + " in " + snapshot));
    }

    /**
     * Whether the link is listed as cut. Without a global table between them, regions list a peer only while it is
     * cut or has a delay set.
     */
    private static boolean isCut(JsonNode snapshot, String region, String peer) {
        return linkIfListed(snapshot, region, peer)
                .map(link -> link.path("cut").asBoolean())
                .orElse(false);
    }

    private static java.util.Optional<JsonNode> linkIfListed(JsonNode snapshot, String region, String peer) {
        for (var link : snapshot.path("regions")
                .path(region)
                .path("status")
                .path("links")
                .path("links")) {
            if (link.path("peer").asText().equals(peer)) {
                return java.util.Optional.of(link);
            }
        }
        return java.util.Optional.empty();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regionless.region.HeadlessBrowser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the router issue promises a newcomer: run the demo, open Quack through both edges in a browser, take a region
 * down with one command, and watch the page that used it move to another region while the other page stays put.
 * Screenshots go to {@code target/browser-artifacts/demo}.
 */
class DemoBrowserIT {
    private static final Path ARTIFACTS =
            Path.of("target", "browser-artifacts", "demo").toAbsolutePath();
    // Includes cold starts of Quack's functions on a busy two-core machine; the move itself is what the bench times.
    private static final Duration CONNECT = Duration.ofSeconds(30);
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @TempDir
    Path work;

    @Test
    void aPageThroughLondonMovesToAnotherRegionWhenItsRegionGoesDarkAndOregonsStaysPut() throws Exception {
        try (var browser = HeadlessBrowser.start(ARTIFACTS);
                var demo = CliProcess.start(work, "demo", "--data", "run", "--no-delay")) {
            await().atMost(Duration.ofSeconds(120)).until(() -> demo.output().contains("Press Ctrl-C"));
            var edges = new ObjectMapper()
                    .readTree(Files.readString(work.resolve("run/endpoints.json")))
                    .get("edges");
            browser.open("london", chatPage(edges.get("london"), "london"));
            browser.open("oregon", chatPage(edges.get("oregon"), "oregon"));
            awaitRegion(browser, "london", "eu-west-2");
            awaitRegion(browser, "oregon", "us-west-2");

            var down = CliProcess.run(work, "chaos", "region", "eu-west-2", "down", "--data", "run");

            assertThat(down.exitCode()).as(down.output()).isZero();
            await().atMost(CONNECT).untilAsserted(() -> {
                var page = browser.quack("london");
                assertThat(page.connection()).isEqualTo("connected");
                assertThat(page.region()).as("the region London's page uses").isNotEqualTo("eu-west-2");
            });
            browser.send("london", "Through another region");
            await().atMost(DELIVERY)
                    .until(() -> browser.quack("oregon").message("Through another region"), Optional::isPresent);
            assertThat(browser.quack("oregon").region()).isEqualTo("us-west-2");
            browser.sideBySide(
                    "london", "London's page, eu-west-2 down", "oregon", "Oregon's page", "eu-west-2-down.png");
        }
    }

    /** The page as the demo prints it for an edge: socket and API both through the edge. */
    private static URI chatPage(JsonNode edge, String name) {
        var api = edge.get("api").asText();
        return URI.create(api + "/?ws=" + edge.get("websocket").asText() + "&api=" + api + "&edge=" + name);
    }

    private static void awaitRegion(HeadlessBrowser browser, String page, String region) {
        await().atMost(CONNECT).untilAsserted(() -> {
            var quack = browser.quack(page);
            assertThat(quack.connection()).as(page + "'s connection").isEqualTo("connected");
            assertThat(quack.region()).as(page + "'s region").isEqualTo(region);
        });
    }
}

package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.region.HeadlessBrowser.QuackPage.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quack's page in headless Chromium, as a person uses it, while its region goes down and comes back. London
 * (eu-west-2) runs in a region set of its own on the shared data folder, as a region in its own process would, so
 * that it can be stopped and started again while Oregon (us-west-2) keeps running. Each step leaves a screenshot in
 * {@code target/browser-artifacts}.
 */
class QuackBrowserIT {
    private static final Path ARTIFACTS = Path.of("target", "browser-artifacts").toAbsolutePath();
    // Generous for what includes cold starts of Quack's functions (page, $connect, send, stream reader), which take
    // seconds on a busy two-core machine; the reconnect itself is bounded by the page's backoff.
    private static final Duration CONNECT = Duration.ofSeconds(30);
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final Duration FAILOVER = Duration.ofSeconds(20);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    private HeadlessBrowser browser;
    private RegionSet london;
    private RegionSet oregon;

    @BeforeEach
    void start() throws IOException {
        clear(ARTIFACTS);
        // First, so that without a browser the test is skipped before any region starts.
        browser = HeadlessBrowser.start(ARTIFACTS);
        oregon = RegionSet.start(data, List.of("us-west-2"));
        london = RegionSet.start(data, List.of("eu-west-2"));
        oregon.deploy(TestApps.quackTemplate(), Map.of());
        london.deploy(TestApps.quackTemplate(), Map.of());
    }

    @AfterEach
    void stop() {
        try {
            // What each page showed last, also when the test failed halfway.
            for (var page : browser == null ? List.<String>of() : browser.pages()) {
                browser.screenshot(page, "last-" + page + ".png");
            }
        } catch (RuntimeException e) {
            // Only a picture for the diagnosis is missing; the test's own failure says what went wrong.
        } finally {
            closeAll(browser, london, oregon);
        }
    }

    @Test
    void aPageWhoseRegionStopsReconnectsToAnotherAndTheRegionCatchesUpWhenItReturns() {
        var eu = london.region("eu-west-2");
        var us = oregon.region("us-west-2");
        var londonsAddresses = addressesOf(eu);
        browser.open("A", chatPage(eu, us));
        browser.open("B", chatPage(us, eu));
        awaitConnected("A");
        awaitConnected("B");

        aMessageTypedInAAppearsInBothPagesTaggedWithTheirRegions();
        stoppingLondonLeavesPageAReconnectedToOregonByItself();
        pageAStillSendsAndBothPagesShowItFromOregon();
        london = RegionSet.start(data, List.of("eu-west-2"), londonsAddresses);
        london.deploy(TestApps.quackTemplate(), Map.of());
        londonHoldsEveryMessageOnItsReturnAndChatsAgain(london.region("eu-west-2"), us);
    }

    private void aMessageTypedInAAppearsInBothPagesTaggedWithTheirRegions() {
        browser.send("A", "Hello from London");

        var sent = awaitMessage("A", "Hello from London");
        var received = awaitMessage("B", "Hello from London");
        assertThat(List.of(sent.region(), sent.origin())).containsExactly("eu-west-2", "eu-west-2");
        assertThat(List.of(received.region(), received.origin())).containsExactly("us-west-2", "eu-west-2");
        assertThat(received.id()).isEqualTo(sent.id());
        sideBySide("1-message-from-london.png");
    }

    private void stoppingLondonLeavesPageAReconnectedToOregonByItself() {
        var statesBefore = browser.quack("A").connectionLog().size();

        london.close();
        london = null;

        await().atMost(FAILOVER).untilAsserted(() -> {
            var page = browser.quack("A");
            var states = page.connectionLog()
                    .subList(statesBefore, page.connectionLog().size());
            assertThat(states)
                    .as("A's connection since London stopped")
                    .containsSubsequence("disconnected", "connected");
            assertThat(page.connection()).isEqualTo("connected");
        });
        browser.screenshot("A", "2-london-stopped-page-a-reconnected.png");
    }

    private void pageAStillSendsAndBothPagesShowItFromOregon() {
        browser.send("A", "Still here, through Oregon");

        var sent = awaitMessage("A", "Still here, through Oregon");
        var received = awaitMessage("B", "Still here, through Oregon");
        assertThat(List.of(sent.region(), sent.origin())).containsExactly("us-west-2", "us-west-2");
        assertThat(List.of(received.region(), received.origin())).containsExactly("us-west-2", "us-west-2");
        assertThat(browser.quack("A").region())
                .as("the region A is connected to")
                .isEqualTo("us-west-2");
        sideBySide("3-message-after-failover.png");
    }

    private void londonHoldsEveryMessageOnItsReturnAndChatsAgain(RegionNode returned, RegionNode us) {
        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(historyTexts(returned))
                        .as("London's history after its return")
                        .contains("Hello from London", "Still here, through Oregon"));

        browser.open("C", chatPage(returned, us));
        awaitConnected("C");
        awaitMessage("C", "Hello from London");
        awaitMessage("C", "Still here, through Oregon");
        browser.send("C", "London is back");
        assertThat(awaitMessage("C", "London is back").origin()).isEqualTo("eu-west-2");
        assertThat(awaitMessage("A", "London is back").origin()).isEqualTo("eu-west-2");
        browser.sideBySide(
                "A",
                "A: London's page, failed over to Oregon",
                "C",
                "C: London's page after London returned",
                "4-london-returned.png");
    }

    /**
     * Starts a region where it was before, as a region on AWS keeps its API addresses through an outage. (On other
     * ports, the connections Quack remembered with their old address would keep failing its broadcasts.)
     */
    private static UnaryOperator<RegionConfig> addressesOf(RegionNode region) {
        var endpoints = region.endpoints();
        return config -> config.withPorts(
                        endpoints.service().getPort(),
                        region.appUri().getPort(),
                        endpoints.admin().getPort())
                .withWebSocketPort(endpoints.websocket().getPort());
    }

    /**
     * The page a region serves, told about every region so it can fail over by itself: {@code ?ws=} lists the
     * WebSocket URLs, its own region first, and {@code &api=} the matching REST addresses (as {@code regionless demo}
     * prints them).
     */
    private static URI chatPage(RegionNode own, RegionNode... others) {
        var order = new ArrayList<RegionNode>(List.of(others));
        order.addFirst(own);
        var sockets =
                order.stream().map(r -> r.endpoints().websocket().toString()).toList();
        var apis = order.stream().map(r -> r.endpoints().api().toString()).toList();
        return URI.create(
                own.endpoints().api() + "/?ws=" + String.join(",", sockets) + "&api=" + String.join(",", apis));
    }

    private void awaitConnected(String page) {
        await().atMost(CONNECT)
                .untilAsserted(() -> assertThat(browser.quack(page).connection())
                        .as("page " + page + "'s connection")
                        .isEqualTo("connected"));
    }

    private Message awaitMessage(String page, String text) {
        return await().atMost(DELIVERY)
                .until(() -> browser.quack(page).message(text), Optional::isPresent)
                .orElseThrow();
    }

    private void sideBySide(String file) {
        browser.sideBySide("A", "A: London's page (eu-west-2)", "B", "B: Oregon's page (us-west-2)", file);
    }

    private static List<String> historyTexts(RegionNode region) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(region.endpoints().api() + "/history"))
                .timeout(Duration.ofSeconds(10))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var texts = new ArrayList<String>();
        for (JsonNode message : Json.mapper().readTree(response.body())) {
            texts.add(message.path("message").asText());
        }
        return texts;
    }

    /** Closes each of {@code resources} that is there, even when closing an earlier one failed. */
    private static void closeAll(AutoCloseable... resources) {
        var failure = new IllegalStateException("closing the regions and the browser failed");
        for (var resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void clear(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder())
                        .filter(f -> !f.equals(folder))
                        .forEach(QuackBrowserIT::delete);
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

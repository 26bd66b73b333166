package dev.regionless.router;

import static dev.regionless.router.EdgeFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.common.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health as one edge sees it, moved by a clock the test turns: a check runs only when the clock passes the
 * interval, so each step below is exactly one check per region. DNS (UDP and TCP) and the proxy follow.
 */
class HealthTransitionIT {
    @TempDir
    static Path folder;

    static EdgeFixture fixture;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    static Edge edge;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fixture = new EdgeFixture(folder, Clock.systemUTC());
        edge = fixture.start(fixture.config("london").clock(CLOCK));
        await().until(() -> edge.status().regions().stream().allMatch(r -> r.checks() == 1));
        settle();
    }

    /**
     * Checks until every region has passed twice in a row: a region's first check may time out while its health
     * function starts cold.
     */
    static void settle() {
        for (int i = 0; i < 20 && !edge.status().regions().stream().allMatch(r -> r.passedChecksInRow() >= 2); i++) {
            nextCheck();
        }
        assertThat(edge.status().regions())
                .allSatisfy(r -> assertThat(r.health()).isEqualTo("healthy"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Moves the clock one interval and waits for the one check of every region that follows. */
    static void nextCheck() {
        advanceThroughOneCheck(edge.config().healthCheck().interval());
    }

    /** Moves the clock by {@code step} (at least one interval) and waits for the one check per region it starts. */
    static void advanceThroughOneCheck(Duration step) {
        var before = edge.status().regions().stream()
                .map(EdgeStatus.RegionStatus::checks)
                .toList();
        CLOCK.advance(step);
        await().until(() -> {
            var now = edge.status().regions();
            for (int i = 0; i < now.size(); i++) {
                if (now.get(i).checks() != before.get(i) + 1) {
                    return false;
                }
            }
            return true;
        });
    }

    static String servedBy() throws Exception {
        var uri = URI.create(edge.endpoints().http() + fixture.stage() + "/echo");
        var response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("X-Regionless-Region").orElseThrow();
    }

    @Test
    void aFailingHealthCheckTakesTheRegionOutAfterTwoChecksAndTwoPassesBringItBack() throws Exception {
        fixture.setHealth("eu-west-2", "fail");
        try {
            nextCheck();
            var afterOneFailure = status(edge, "eu-west-2");
            var dnsAfterOne = Dns.apiRegion(edge);
            nextCheck();
            var afterTwoFailures = status(edge, "eu-west-2");
            var dnsAfterTwo = Dns.apiRegion(edge);
            var servedAfterTwo = servedBy();

            assertThat(afterOneFailure.health()).isEqualTo("healthy");
            assertThat(afterOneFailure.failedChecksInRow()).isEqualTo(1);
            assertThat(afterOneFailure.lastCheck()).startsWith("500 in ");
            assertThat(dnsAfterOne).isEqualTo("eu-west-2");
            assertThat(afterTwoFailures.health()).isEqualTo("unhealthy");
            assertThat(dnsAfterTwo).isEqualTo("us-east-1");
            assertThat(servedAfterTwo).isEqualTo("us-east-1");
        } finally {
            fixture.setHealth("eu-west-2", "pass");
        }

        nextCheck();
        var afterOnePass = status(edge, "eu-west-2");
        nextCheck();
        var afterTwoPasses = status(edge, "eu-west-2");

        assertThat(afterOnePass.health()).isEqualTo("unhealthy");
        assertThat(afterTwoPasses.health()).isEqualTo("healthy");
        assertThat(Dns.apiRegion(edge)).isEqualTo("eu-west-2");
        assertThat(servedBy()).isEqualTo("eu-west-2");
    }

    @Test
    void aRegionThatGoesDarkIsEjectedByTheFirstFailedRequestBeforeAnyCheck() throws Exception {
        var region = fixture.region("eu-west-2");
        long checks = status(edge, "eu-west-2").checks();
        region.goDark();
        try {
            var served = servedBy();
            var seen = status(edge, "eu-west-2");

            assertThat(served).as("retried on the next choice").isEqualTo("us-east-1");
            assertThat(seen.checks()).as("no check ran: the clock did not move").isEqualTo(checks);
            assertThat(seen.ejectedUntil()).isAfter(CLOCK.instant());
            assertThat(Dns.apiRegion(edge)).isEqualTo("us-east-1");
        } finally {
            region.comeBack();
        }

        nextCheck();
        nextCheck();

        assertThat(status(edge, "eu-west-2").ejectedUntil())
                .as("passing checks end the ejection")
                .isNull();
        assertThat(servedBy()).isEqualTo("eu-west-2");
    }

    @Test
    void theEjectionEndsWhenTheClockPassesIt() throws Exception {
        var region = fixture.region("eu-west-2");
        region.goDark();
        try {
            assertThat(servedBy()).isEqualTo("us-east-1");
        } finally {
            region.comeBack();
        }

        advanceThroughOneCheck(Duration.ofMillis(999));
        var stillOut = Dns.apiRegion(edge);
        CLOCK.advance(Duration.ofMillis(2));
        var back = Dns.apiRegion(edge);

        assertThat(stillOut).isEqualTo("us-east-1");
        assertThat(back).isEqualTo("eu-west-2");
        settle(); // two passes: the backoff starts again from 1 s for the next test
    }
}

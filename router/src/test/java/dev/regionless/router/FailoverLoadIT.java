package dev.regionless.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three regions, two edges, and a bounded client load through both while London's region fails and comes back,
 * once going dark ({@code chaos region down}) and once failing only its health check ({@code chaos health fail}).
 * GETs never fail; POSTs that were inside the dying region when it went are the only failures; WebSocket clients
 * are closed with 1012 and reconnect to a healthy region; traffic returns after recovery; Oregon's clients never
 * notice.
 */
class FailoverLoadIT {
    static final int POSTERS = 1;
    static final int SOCKETS = 3;

    @TempDir
    static Path folder;

    static EdgeFixture fixture;
    static Edge london;
    static Edge oregon;

    @BeforeAll
    static void start() {
        fixture = new EdgeFixture(folder, Clock.systemUTC());
        london = fixture.start(fixture.config("london"));
        oregon = fixture.start(fixture.config("oregon"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static ClientLoad load(Edge edge) {
        return new ClientLoad(edge, fixture.stage(), 2, POSTERS, SOCKETS).start();
    }

    static void awaitSocketsOn(ClientLoad load, String region) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(load.sockets())
                        .allSatisfy(s -> assertThat(s.region()).isEqualTo(region)));
    }

    static void awaitServedBy(ClientLoad load, String region, int requests) {
        load.resetServed();
        await().atMost(Duration.ofSeconds(15)).until(() -> load.served(region) >= requests);
    }

    @Test
    void aRegionGoingDarkLosesNoGetAndItsWebSocketsMoveToAHealthyRegion() {
        var region = fixture.region("eu-west-2");
        try (var londoners = load(london);
                var oregonians = load(oregon)) {
            awaitSocketsOn(londoners, "eu-west-2");
            awaitSocketsOn(oregonians, "us-west-2");
            awaitServedBy(londoners, "eu-west-2", 20);

            region.goDark();
            try {
                awaitServedBy(londoners, "us-east-1", 50);
                awaitSocketsOn(londoners, "us-east-1");
            } finally {
                region.comeBack();
            }
            awaitServedBy(londoners, "eu-west-2", 20);
            londoners.stop();
            oregonians.stop();

            assertThat(londoners.getsFailed.get())
                    .as(londoners.failures.toString())
                    .isZero();
            assertThat(londoners.postsFailed.get())
                    .as("only a POST inside the region as it went dark may fail: " + londoners.failures)
                    .isLessThanOrEqualTo(POSTERS);
            assertThat(londoners.postsOk.get()).isPositive();
            assertThat(londoners.sockets())
                    .allSatisfy(socket -> assertThat(socket.closeCodes).contains(1012));
            assertThat(oregonians.getsFailed.get() + oregonians.postsFailed.get())
                    .isZero();
            assertThat(oregonians.sockets())
                    .allSatisfy(socket -> assertThat(socket.regions)
                            .as("Oregon's sockets stayed on their first connection")
                            .containsExactly("us-west-2"));
        }
    }

    @Test
    void aFailingHealthCheckMovesTrafficAndClosesWebSocketsWith1012WithoutLosingARequest() {
        try (var londoners = load(london)) {
            awaitSocketsOn(londoners, "eu-west-2");
            awaitServedBy(londoners, "eu-west-2", 20);

            fixture.setHealth("eu-west-2", "fail");
            try {
                awaitServedBy(londoners, "us-east-1", 50);
                awaitSocketsOn(londoners, "us-east-1");
            } finally {
                fixture.setHealth("eu-west-2", "pass");
            }
            awaitServedBy(londoners, "eu-west-2", 20);
            londoners.stop();

            assertThat(londoners.getsFailed.get() + londoners.postsFailed.get())
                    .as(londoners.failures.toString())
                    .isZero();
            assertThat(londoners.sockets()).allSatisfy(socket -> {
                assertThat(socket.closeCodes).contains(1012);
                assertThat(socket.regions).startsWith("eu-west-2").contains("us-east-1");
            });
        }
    }
}

package dev.regionless.router.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.common.MutableClock;
import dev.regionless.router.AppDomain;
import dev.regionless.router.EdgeConfig;
import dev.regionless.router.HealthCheckConfig;
import dev.regionless.router.RegionTarget;
import dev.regionless.router.RoutingPolicy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeRouterTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    static RegionTarget target(String name, int n) {
        return new RegionTarget(
                name,
                name,
                URI.create("http://127.0.0." + n + ":8000"),
                URI.create("ws://127.0.0." + n + ":8001"),
                URI.create("http://127.0.0." + n + ":8002"));
    }

    static final List<RegionTarget> REGIONS =
            List.of(target("eu-west-2", 2), target("us-west-2", 3), target("us-east-1", 4));

    EdgeRouter london() {
        var config = EdgeConfig.builder("london", AppDomain.of("quack.regionless.test"))
                .clock(clock)
                .delay("eu-west-2", Duration.ofMillis(4))
                .delay("us-east-1", Duration.ofMillis(76))
                .delay("us-west-2", Duration.ofMillis(140))
                .build();
        return new EdgeRouter(config, REGIONS);
    }

    static List<String> names(List<RegionTarget> targets) {
        return targets.stream().map(RegionTarget::name).toList();
    }

    @Test
    void latencyRoutingPrefersTheNearestRegionByConfiguredDelay() {
        var router = london();

        assertThat(names(router.route())).containsExactly("eu-west-2", "us-east-1", "us-west-2");
    }

    @Test
    void measuredRoundTripsAddToTheDelay() {
        var router = london();

        router.onHealthCheck("eu-west-2", true, Duration.ofMillis(100), "200");

        assertThat(names(router.route())).containsExactly("us-east-1", "eu-west-2", "us-west-2");
    }

    @Test
    void aRegionTurnsUnhealthyOnlyAfterTheFailureThreshold() {
        var router = london();

        router.onHealthCheck("eu-west-2", false, null, "500");
        var afterOne = router.route().getFirst().name();
        router.onHealthCheck("eu-west-2", false, null, "500");
        var afterTwo = router.route().getFirst().name();

        assertThat(afterOne).isEqualTo("eu-west-2");
        assertThat(afterTwo).isEqualTo("us-east-1");
        assertThat(router.status().regions().getFirst().health()).isEqualTo("unhealthy");
    }

    @Test
    void anUnhealthyRegionComesBackAfterTheSuccessThreshold() {
        var router = london();
        router.onHealthCheck("eu-west-2", false, null, "500");
        router.onHealthCheck("eu-west-2", false, null, "500");

        router.onHealthCheck("eu-west-2", true, Duration.ofMillis(1), "200");
        var afterOne = router.isAvailable("eu-west-2");
        router.onHealthCheck("eu-west-2", true, Duration.ofMillis(1), "200");
        var afterTwo = router.isAvailable("eu-west-2");

        assertThat(afterOne).isFalse();
        assertThat(afterTwo).isTrue();
    }

    @Test
    void aPassBetweenFailuresRestartsTheCount() {
        var router = london();

        router.onHealthCheck("eu-west-2", false, null, "timeout");
        router.onHealthCheck("eu-west-2", true, Duration.ofMillis(1), "200");
        router.onHealthCheck("eu-west-2", false, null, "timeout");

        assertThat(router.isAvailable("eu-west-2")).isTrue();
    }

    @Test
    void oneConnectFailureEjectsARegionAtOnceAndTheBackoffDoubles() {
        var router = london();

        router.onConnectFailure("eu-west-2", "refused");
        var ejectedAtFirst = router.isAvailable("eu-west-2");
        clock.advance(Duration.ofMillis(1001));
        var backAfterOneSecond = router.isAvailable("eu-west-2");
        router.onConnectFailure("eu-west-2", "refused");
        clock.advance(Duration.ofMillis(1001));
        var stillOutAfterOneSecond = router.isAvailable("eu-west-2");
        clock.advance(Duration.ofMillis(1000));
        var backAfterTwoSeconds = router.isAvailable("eu-west-2");

        assertThat(ejectedAtFirst).isFalse();
        assertThat(backAfterOneSecond).isTrue();
        assertThat(stillOutAfterOneSecond).isFalse();
        assertThat(backAfterTwoSeconds).isTrue();
    }

    @Test
    void aGoodAnswerEndsTheBackoff() {
        var router = london();
        router.onConnectFailure("eu-west-2", "refused");
        clock.advance(Duration.ofMillis(1001));
        router.onAnswer("eu-west-2", 200);

        router.onConnectFailure("eu-west-2", "refused");
        clock.advance(Duration.ofMillis(1001));

        assertThat(router.isAvailable("eu-west-2")).isTrue();
    }

    @Test
    void serverErrorsInARowEjectARegion() {
        var router = london();

        router.onAnswer("eu-west-2", 502);
        router.onAnswer("eu-west-2", 503);
        var afterTwo = router.isAvailable("eu-west-2");
        router.onAnswer("eu-west-2", 500);

        assertThat(afterTwo).isTrue();
        assertThat(router.isAvailable("eu-west-2")).isFalse();
        assertThat(router.status().regions().getFirst().ejectedUntil())
                .isEqualTo(clock.instant().plusSeconds(1));
    }

    @Test
    void passingHealthChecksEndAnEjectionEarly() {
        var router = london();
        router.onConnectFailure("eu-west-2", "refused");

        router.onHealthCheck("eu-west-2", true, Duration.ofMillis(1), "200");
        router.onHealthCheck("eu-west-2", true, Duration.ofMillis(1), "200");

        assertThat(router.isAvailable("eu-west-2")).isTrue();
    }

    @Test
    void listenersHearWhenARegionTurnsUnavailableAndWhenItComesBack() {
        var router = london();
        var changes = new ArrayList<String>();
        router.onAvailabilityChange(region -> changes.add(region + (router.isAvailable(region) ? " up" : " down")));

        router.onHealthCheck("us-west-2", false, null, "500");
        router.onHealthCheck("us-west-2", false, null, "500");
        router.onHealthCheck("us-west-2", false, null, "500");
        router.onConnectFailure("eu-west-2", "refused");
        router.onHealthCheck("us-west-2", true, Duration.ofMillis(1), "200");
        router.onHealthCheck("us-west-2", true, Duration.ofMillis(1), "200");

        assertThat(changes).containsExactly("us-west-2 down", "eu-west-2 down", "us-west-2 up");
    }

    @Test
    void theStatusShowsTheShareOfRecentTraffic() {
        var router = london();

        router.onRequestServed("eu-west-2");
        router.onRequestServed("eu-west-2");
        router.onRequestServed("eu-west-2");
        router.onWebSocketOpened("us-east-1");
        var status = router.status();
        clock.advance(Duration.ofSeconds(11));
        var later = router.status();

        assertThat(status.regions()).extracting(r -> r.share()).containsExactly(0.75, 0.0, 0.25);
        assertThat(status.regions().getFirst().requests()).isEqualTo(3);
        assertThat(status.choice()).isEqualTo("eu-west-2");
        assertThat(later.regions()).extracting(r -> r.share()).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void aChangedDelayMovesTraffic() {
        var router = london();

        router.setDelay("eu-west-2", Duration.ofMillis(300));

        assertThat(router.route().getFirst().name()).isEqualTo("us-east-1");
    }

    @Test
    void aPolicyNamingAnUnknownRegionIsRefusedWithTheKnownOnes() {
        var config = EdgeConfig.builder("london", AppDomain.of("quack.regionless.test"))
                .policy(RoutingPolicy.failover("eu-west-2", "ap-south-1"))
                .build();

        assertThatThrownBy(() -> new EdgeRouter(config, REGIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("region: ap-south-1 (expected one of [eu-west-2, us-west-2, us-east-1])");
    }

    @Test
    void theRoute53ProfileNeedsThreeFailures() {
        var config = EdgeConfig.builder("london", AppDomain.of("quack.regionless.test"))
                .clock(clock)
                .build()
                .withRoute53Profile(HealthCheckConfig.route53Fast());
        var router = new EdgeRouter(config, REGIONS);

        router.onHealthCheck("eu-west-2", false, null, "500");
        router.onHealthCheck("eu-west-2", false, null, "500");
        var afterTwo = router.isAvailable("eu-west-2");
        router.onHealthCheck("eu-west-2", false, null, "500");
        router.onConnectFailure("us-west-2", "refused");

        assertThat(afterTwo).isTrue();
        assertThat(router.isAvailable("eu-west-2")).isFalse();
        assertThat(router.isAvailable("us-west-2")).as("no outlier detection").isTrue();
        assertThat(config.healthCheck().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dnsTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anAlwaysHealthyRegionKeepsItsTrafficWhateverItsChecksSayButIsStillEjectedByTraffic() {
        var config = EdgeConfig.builder("london", AppDomain.of("quack.regionless.test"))
                .clock(clock)
                .policy(RoutingPolicy.failover("eu-west-2", "us-west-2"))
                .alwaysHealthy("eu-west-2")
                .build();
        var router = new EdgeRouter(config, REGIONS);

        router.onHealthCheck("eu-west-2", false, null, "500");
        router.onHealthCheck("eu-west-2", false, null, "500");
        var afterFailedChecks = names(router.route());
        router.onConnectFailure("eu-west-2", "refused");

        assertThat(afterFailedChecks).startsWith("eu-west-2");
        assertThat(router.status().regions().getFirst().health()).isEqualTo("unhealthy (not evaluated)");
        assertThat(names(router.route())).startsWith("us-west-2");
    }

    @Test
    void aRegionsOwnCheckDecidesItsThresholds() {
        var strict = HealthCheckConfig.defaults().onHttp("/Prod/health").withThresholds(1, 1);
        var config = EdgeConfig.builder("london", AppDomain.of("quack.regionless.test"))
                .clock(clock)
                .regionHealthCheck("us-east-1", strict)
                .build();
        var router = new EdgeRouter(config, REGIONS);

        router.onHealthCheck("us-east-1", false, null, "500");
        router.onHealthCheck("eu-west-2", false, null, "500");

        assertThat(router.isAvailable("us-east-1")).isFalse();
        assertThat(router.isAvailable("eu-west-2"))
                .as("the edge's check needs two failures")
                .isTrue();
        assertThat(config.healthCheck("us-east-1")).isEqualTo(strict);
        assertThat(config.healthCheck("eu-west-2")).isEqualTo(HealthCheckConfig.defaults());
    }

    @Test
    void theRoute53ProfileGivesEveryRegionsOwnCheckItsTimingsAndKeepsItsPath() {
        var own = HealthCheckConfig.defaults().onHttp("/Prod/health").withSearchString("Ok");
        var config = EdgeConfig.builder("london", AppDomain.of("quack.regionless.test"))
                .regionHealthCheck("us-east-1", own)
                .build()
                .withRoute53Profile(HealthCheckConfig.route53Fast());

        var check = config.healthCheck("us-east-1");

        assertThat(check.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(check.failureThreshold()).isEqualTo(3);
        assertThat(check.path()).isEqualTo("/Prod/health");
        assertThat(check.searchString()).isEqualTo("Ok");
    }

    @Test
    void aCheckOrAlwaysHealthyRegionOutsideTheEdgeIsRefusedWithTheKnownOnes() {
        var config = EdgeConfig.builder("london", AppDomain.of("quack.regionless.test"))
                .alwaysHealthy("ap-south-1")
                .build();

        assertThatThrownBy(() -> new EdgeRouter(config, REGIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("region: ap-south-1 (expected one of [eu-west-2, us-west-2, us-east-1])");
    }
}

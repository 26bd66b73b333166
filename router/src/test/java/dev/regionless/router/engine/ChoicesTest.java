package dev.regionless.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.router.RoutingPolicy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChoicesTest {
    static final Random RANDOM = new Random(7);

    static Candidate healthy(String name, double latency) {
        return new Candidate(name, true, latency);
    }

    static Candidate unhealthy(String name, double latency) {
        return new Candidate(name, false, latency);
    }

    @Test
    void latencyPicksTheLowestRoundTripFirst() {
        var candidates = List.of(healthy("eu-west-2", 140), healthy("us-west-2", 4), healthy("us-east-1", 65));

        var order = Choices.order(RoutingPolicy.latency(), candidates, RANDOM);

        assertThat(order).containsExactly("us-west-2", "us-east-1", "eu-west-2");
    }

    @Test
    void latencyPassesOverUnhealthyRegionsButKeepsThemLast() {
        var candidates = List.of(unhealthy("eu-west-2", 2), healthy("us-west-2", 140), healthy("us-east-1", 76));

        var order = Choices.order(RoutingPolicy.latency(), candidates, RANDOM);

        assertThat(order).containsExactly("us-east-1", "us-west-2", "eu-west-2");
    }

    @Test
    void whenEveryRegionIsUnhealthyAllAreTreatedAsHealthy() {
        var candidates = List.of(unhealthy("eu-west-2", 140), unhealthy("us-west-2", 4));

        var order = Choices.order(RoutingPolicy.latency(), candidates, RANDOM);

        assertThat(order).containsExactly("us-west-2", "eu-west-2");
    }

    @Test
    void withoutEvaluateTargetHealthAnUnhealthyRegionIsStillChosen() {
        var candidates = List.of(unhealthy("eu-west-2", 2), healthy("us-west-2", 140));

        var order = Choices.order(new RoutingPolicy.Latency(false), candidates, RANDOM);

        assertThat(order).containsExactly("eu-west-2", "us-west-2");
    }

    @Test
    void latencyTiesWithinAMillisecondKeepTheConfiguredOrder() {
        var candidates = List.of(healthy("eu-west-2", 1.2), healthy("us-west-2", 0.9));

        var order = Choices.order(RoutingPolicy.latency(), candidates, RANDOM);

        assertThat(order).containsExactly("eu-west-2", "us-west-2");
    }

    @Test
    void failoverAnswersThePrimaryWhileItIsHealthy() {
        var candidates = List.of(healthy("us-east-1", 1), healthy("eu-west-2", 1), healthy("us-west-2", 1));

        var order = Choices.order(RoutingPolicy.failover("eu-west-2", "us-west-2"), candidates, RANDOM);

        assertThat(order).containsExactly("eu-west-2", "us-west-2");
    }

    @Test
    void failoverAnswersTheSecondaryWhenThePrimaryIsUnhealthy() {
        var candidates = List.of(unhealthy("eu-west-2", 1), healthy("us-west-2", 1));

        var order = Choices.order(RoutingPolicy.failover("eu-west-2", "us-west-2"), candidates, RANDOM);

        assertThat(order).containsExactly("us-west-2", "eu-west-2");
    }

    @Test
    void failoverAnswersThePrimaryWhenBothAreUnhealthy() {
        var candidates = List.of(unhealthy("eu-west-2", 1), unhealthy("us-west-2", 1), healthy("us-east-1", 1));

        var order = Choices.order(RoutingPolicy.failover("eu-west-2", "us-west-2"), candidates, RANDOM);

        assertThat(order).containsExactly("eu-west-2", "us-west-2");
    }

    @Test
    void weightedSharesFollowTheWeights() {
        var candidates = List.of(healthy("eu-west-2", 1), healthy("us-west-2", 1));
        var policy = RoutingPolicy.weighted(ordered("eu-west-2", 3, "us-west-2", 1));
        var random = new Random(42);
        var firsts = new HashMap<String, Integer>();

        for (int i = 0; i < 4000; i++) {
            firsts.merge(Choices.order(policy, candidates, random).getFirst(), 1, Integer::sum);
        }

        assertThat(firsts.get("eu-west-2")).isBetween(2800, 3200);
        assertThat(firsts.get("us-west-2")).isBetween(800, 1200);
    }

    @Test
    void weightedNeverAnswersAnUnhealthyRegionWhileAnotherIsHealthy() {
        var candidates = List.of(unhealthy("eu-west-2", 1), healthy("us-west-2", 1));
        var policy = RoutingPolicy.weighted(ordered("eu-west-2", 255, "us-west-2", 1));

        for (int i = 0; i < 200; i++) {
            assertThat(Choices.order(policy, candidates, RANDOM)).containsExactly("us-west-2", "eu-west-2");
        }
    }

    @Test
    void weightZeroAnswersOnlyWhenEveryWeightedRegionIsUnhealthy() {
        var policy = RoutingPolicy.weighted(ordered("eu-west-2", 5, "us-west-2", 0));
        var bothHealthy = List.of(healthy("eu-west-2", 1), healthy("us-west-2", 1));
        var weightedDown = List.of(unhealthy("eu-west-2", 1), healthy("us-west-2", 1));

        var whileHealthy = Choices.order(policy, bothHealthy, RANDOM);
        var whileDown = Choices.order(policy, weightedDown, RANDOM);

        assertThat(whileHealthy).containsExactly("eu-west-2", "us-west-2");
        assertThat(whileDown).containsExactly("us-west-2", "eu-west-2");
    }

    @Test
    void weightedIgnoresRegionsWithoutARecord() {
        var candidates = List.of(healthy("eu-west-2", 1), healthy("us-east-1", 1));

        var order = Choices.order(RoutingPolicy.weighted(Map.of("eu-west-2", 1)), candidates, RANDOM);

        assertThat(order).containsExactly("eu-west-2");
    }

    @Test
    void theSameSeedGivesTheSameWeightedAnswers() {
        var candidates = List.of(healthy("eu-west-2", 1), healthy("us-west-2", 1), healthy("us-east-1", 1));
        var policy = RoutingPolicy.weighted(Map.of("eu-west-2", 1, "us-west-2", 1, "us-east-1", 1));
        var first = new Random(3);
        var second = new Random(3);

        for (int i = 0; i < 50; i++) {
            assertThat(Choices.order(policy, candidates, first)).isEqualTo(Choices.order(policy, candidates, second));
        }
    }

    private static Map<String, Integer> ordered(String a, int weightA, String b, int weightB) {
        var map = new LinkedHashMap<String, Integer>();
        map.put(a, weightA);
        map.put(b, weightB);
        return map;
    }
}

package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.router.RoutingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --routing FILE}: the routing of apps whose template declares no Route 53 records. */
class RoutingFileTest {
    static final List<String> RUN = List.of("eu-west-2", "us-west-2", "us-east-1");

    @TempDir
    Path folder;

    EdgeRouting plan(String yaml) throws IOException {
        var file = Files.writeString(folder.resolve("regionless.yaml"), yaml);
        var routing = RoutingFile.read(file, "app.regionless.test");
        return RoutingPlanner.plan(
                routing.records(),
                RUN,
                routing.domain().orElse("app.regionless.test"),
                EdgeRouting.HealthProfile.FAST,
                "regionless.yaml");
    }

    @Test
    void aFailoverFileGivesPrimaryAndSecondaryWithTheNamedCheck() throws IOException {
        var routing = plan("""
                routing:
                  domain: shop.regionless.test
                  regions:
                    eu-west-2: {failover: PRIMARY, healthCheck: api}
                    us-west-2: {failover: SECONDARY}
                  healthChecks:
                    api: {type: HTTP_STR_MATCH, resourcePath: /Prod/health, searchString: Ok}
                """);

        assertThat(routing.policy()).isEqualTo(RoutingPolicy.failover("eu-west-2", "us-west-2"));
        assertThat(routing.regions()).containsExactly("eu-west-2", "us-west-2");
        assertThat(routing.domain().apiName()).isEqualTo("api.shop.regionless.test");
        assertThat(routing.checks().get("eu-west-2").searchString()).isEqualTo("Ok");
        assertThat(routing.alwaysHealthy()).containsExactly("us-west-2");
    }

    @Test
    void weightsAndTargetHealthAreRead() throws IOException {
        var routing = plan("""
                routing:
                  regions:
                    eu-west-2: {weight: 3, evaluateTargetHealth: true}
                    us-east-1: {weight: 1, evaluateTargetHealth: true}
                """);

        assertThat(routing.policy())
                .isEqualTo(RoutingPolicy.weighted(java.util.Map.of("eu-west-2", 3, "us-east-1", 1)));
        assertThat(routing.regions()).containsExactly("eu-west-2", "us-east-1");
        assertThat(routing.alwaysHealthy()).isEmpty();
        assertThat(routing.checks()).isEmpty();
    }

    @Test
    void anUnknownRegionIsRefusedListingTheRunsRegions() {
        assertThatThrownBy(() -> plan("routing:\n  regions:\n    ap-south-9: {}\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("routing.regions.ap-south-9 in regionless.yaml: region ap-south-9 is not in this run"
                        + " (expected one of [eu-west-2, us-west-2, us-east-1])");
    }

    @Test
    void anUnknownHealthCheckIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> plan("""
                        routing:
                          regions:
                            eu-west-2: {healthCheck: apii}
                          healthChecks:
                            api: {resourcePath: /health}
                        """))
                .isInstanceOf(CliException.class)
                .hasMessage("routing.regions.eu-west-2.healthCheck: apii (expected one of routing.healthChecks [api])");
    }

    @Test
    void aFailoverPairMissingItsPrimaryIsRefused() {
        assertThatThrownBy(() -> plan("routing:\n  regions:\n    us-west-2: {failover: SECONDARY}\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("routing.regions.us-west-2 in regionless.yaml: api.app.regionless.test has a SECONDARY"
                        + " record but no PRIMARY (expected: one PRIMARY and one SECONDARY record)");
    }

    @Test
    void mixedPoliciesAndBadValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> plan("routing:\n  regions:\n    eu-west-2: {weight: 1}\n    us-west-2: {}\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("routing.regions.us-west-2 in regionless.yaml: a latency record (expected: weighted, as"
                        + " routing.regions.eu-west-2 in regionless.yaml; one routing policy per name)");
        assertThatThrownBy(() -> plan("routing:\n  regions:\n    eu-west-2: {weight: 300}\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("routing.regions.eu-west-2.weight: 300 (expected: 0..255)");
        assertThatThrownBy(() -> plan("routing:\n  regions:\n    eu-west-2: {failover: BACKUP}\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("routing.regions.eu-west-2.failover: BACKUP (expected: PRIMARY or SECONDARY)");
        assertThatThrownBy(() -> plan("routing:\n  regoins: {}\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("routing.regoins: is not a setting (expected one of [domain, healthChecks, regions])");
        assertThatThrownBy(() -> plan("routing:\n  healthChecks:\n    api: {type: TCP}\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("routing.healthChecks.api.type: TCP (expected: HTTP, HTTPS, HTTP_STR_MATCH or"
                        + " HTTPS_STR_MATCH)");
    }
}

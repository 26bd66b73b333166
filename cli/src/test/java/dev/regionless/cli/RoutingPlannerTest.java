package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.router.HealthCheckConfig;
import dev.regionless.router.RoutingPolicy;
import dev.regionless.template.Application;
import dev.regionless.template.TemplateContext;
import dev.regionless.template.TemplateException;
import dev.regionless.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edges' routing from a template's Route 53 records, as each region's copy of the template declares them. */
class RoutingPlannerTest {
    static final List<String> RUN = List.of("eu-west-2", "us-west-2");
    static final EdgeRouting.HealthProfile FAST = EdgeRouting.HealthProfile.FAST;

    /** A check of {@code /Prod/health} and one record per region's copy, with {@code policy} as its policy lines. */
    static String template(String policy, String extraCheck) {
        return """
                Conditions:
                  InLondon: !Equals [!Ref AWS::Region, eu-west-2]
                Resources:
                  Check:
                    Type: AWS::Route53::HealthCheck
                    Properties:
                      HealthCheckConfig:
                        Type: HTTP_STR_MATCH
                        ResourcePath: /Prod/health
                        SearchString: Ok
                        RequestInterval: 10
                        FailureThreshold: 3
                """ + extraCheck.stripIndent().indent(8) + """
                  Record:
                    Type: AWS::Route53::RecordSet
                    Properties:
                      HostedZoneName: shop.regionless.test.
                      Name: api.shop.regionless.test.
                      Type: A
                      SetIdentifier: !Ref AWS::Region
                      AliasTarget: {DNSName: !Sub "api-${AWS::Region}.shop.regionless.test", HostedZoneId: Z2}
                """
                + policy.stripIndent().indent(6);
    }

    static Map<String, Application> apps(String yaml, List<String> regions) {
        var apps = new LinkedHashMap<String, Application>();
        for (var region : regions) {
            apps.put(region, TemplateReader.parse(yaml, Path.of("template.yaml"), TemplateContext.of(region)));
        }
        return apps;
    }

    static EdgeRouting plan(String yaml) {
        return plan(yaml, FAST);
    }

    static EdgeRouting plan(String yaml, EdgeRouting.HealthProfile profile) {
        var found = TemplateRoutes.from(apps(yaml, RUN));
        return RoutingPlanner.plan(found.records(), RUN, "app.regionless.test", profile, "the template");
    }

    @Test
    void quacksLatencyRecordsGiveLatencyRoutingWithEachRegionsStringMatchCheck() throws IOException {
        var home = Path.of(System.getProperty("regionless.home", "..")).toAbsolutePath();
        var yaml = Files.readString(home.resolve("examples/quack/template.yaml"));
        var regions = List.of("eu-west-2", "us-west-2", "us-east-1");

        var found = TemplateRoutes.from(apps(yaml, regions));
        var routing = RoutingPlanner.plan(found.records(), regions, "x.regionless.test", FAST, "the template");

        assertThat(routing.policy()).isEqualTo(RoutingPolicy.latency());
        assertThat(routing.regions()).containsExactlyElementsOf(regions);
        assertThat(routing.domain().apiName()).isEqualTo("api.quack.regionless.test");
        assertThat(routing.domain().webSocketName()).isEqualTo("ws.quack.regionless.test");
        assertThat(routing.checks()).hasSize(3).allSatisfy((region, check) -> {
            assertThat(check.endpoint()).isEqualTo(HealthCheckConfig.Endpoint.HTTP);
            assertThat(check.path()).isEqualTo("/Prod/health");
            assertThat(check.searchString()).isEqualTo("Ok");
            assertThat(check.interval()).isEqualTo(HealthCheckConfig.defaults().interval());
        });
        assertThat(routing.alwaysHealthy()).isEmpty();
        assertThat(found.warnings()).isEmpty();
    }

    @Test
    void theRoute53ProfileTakesTheChecksIntervalAndThreshold() {
        var routing = plan(
                template("Region: !Ref AWS::Region\nHealthCheckId: !Ref Check\n", ""),
                EdgeRouting.HealthProfile.ROUTE53);

        var check = routing.checks().get("us-west-2");
        assertThat(check.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(check.failureThreshold()).isEqualTo(3);
        assertThat(check.successThreshold()).isEqualTo(3);
    }

    @Test
    void failoverRecordsChosenByAConditionGivePrimaryAndSecondary() {
        var routing = plan(template("Failover: !If [InLondon, PRIMARY, SECONDARY]\nHealthCheckId: !Ref Check\n", ""));

        assertThat(routing.policy()).isEqualTo(RoutingPolicy.failover("eu-west-2", "us-west-2"));
        assertThat(routing.checks()).containsOnlyKeys("eu-west-2", "us-west-2");
    }

    @Test
    void weightedRecordsGiveTheirWeights() {
        var routing = plan(template("Weight: !If [InLondon, 3, 1]\n", ""));

        assertThat(routing.policy()).isEqualTo(RoutingPolicy.weighted(Map.of("eu-west-2", 3, "us-west-2", 1)));
    }

    @Test
    void recordsWithoutACheckAreAlwaysHealthyUnlessTheyEvaluateTheirTargetsHealth() {
        var yaml = template("Weight: 1\n", "")
                .replace("HostedZoneId: Z2}", "HostedZoneId: Z2, EvaluateTargetHealth: !If [InLondon, true, false]}");

        var routing = plan(yaml);

        assertThat(routing.alwaysHealthy()).containsExactly("us-west-2");
        assertThat(routing.checks()).isEmpty();
    }

    @Test
    void aDisabledCheckCountsAsHealthyAndAnInvertedOneIsReversed() {
        var disabled = plan(template("Weight: 1\nHealthCheckId: !Ref Check\n", "Disabled: true\n"));
        var inverted = plan(template("Weight: 1\nHealthCheckId: !Ref Check\n", "Inverted: true\n"));

        assertThat(disabled.alwaysHealthy()).containsExactlyInAnyOrder("eu-west-2", "us-west-2");
        assertThat(inverted.checks().get("eu-west-2").inverted()).isTrue();
    }

    @Test
    void weightsThatAreAllZeroAreRefusedNamingTheRecord() {
        assertThatThrownBy(() -> plan(template("Weight: 0\n", "")))
                .isInstanceOf(CliException.class)
                .hasMessage("Resources.Record in eu-west-2's copy of the template: every weighted record of"
                        + " api.shop.regionless.test has weight 0 {eu-west-2=0, us-west-2=0} (expected: at least one"
                        + " weight above 0)");
    }

    @Test
    void aFailoverPairWithoutItsSecondaryIsRefused() {
        var yaml = template("Failover: PRIMARY\n", "").replace("  Record:\n", "  Record:\n    Condition: InLondon\n");

        assertThatThrownBy(() -> plan(yaml))
                .isInstanceOf(CliException.class)
                .hasMessage("Resources.Record in eu-west-2's copy of the template: api.shop.regionless.test has a"
                        + " PRIMARY record but no SECONDARY (expected: one PRIMARY and one SECONDARY record)");
    }

    @Test
    void twoRegionsDeclaringTheSameRecordAreRefusedNamingBoth() {
        var yaml = template("Failover: PRIMARY\n", "").replace("SetIdentifier: !Ref AWS::Region", "SetIdentifier: one");

        assertThatThrownBy(() -> plan(yaml))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("Resources.Record in us-west-2's copy of the template: SetIdentifier one is"
                        + " already used for api.shop.regionless.test A")
                .hasMessageContaining("declared by Resources.Record in eu-west-2's copy of the template");
    }

    @Test
    void aLatencyRecordForARegionOutsideTheRunIsRefused() {
        var yaml = template("Region: ap-south-1\n", "").replace("  Record:\n", "  Record:\n    Condition: InLondon\n");

        assertThatThrownBy(() -> plan(yaml))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("Resources.Record in eu-west-2's copy of the template: Region ap-south-1"
                        + " (expected: eu-west-2, the region whose copy of the template declares the record");
    }

    @Test
    void aHealthCheckIdThatIsNoCheckOfTheTemplateIsRefusedWhenTheTemplateIsRead() {
        var yaml = template("Weight: 1\nHealthCheckId: 0f0e0d0c-1111-2222-3333-444455556666\n", "");

        assertThatThrownBy(() -> plan(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.Record.Properties.HealthCheckId: 0f0e0d0c-1111-2222-3333-444455556666"
                        + " (expected: the Ref of an AWS::Route53::HealthCheck of this template");
    }

    @Test
    void aTemplateWithoutRecordsRoutesByLatencyAmongEveryRegion() {
        var found = TemplateRoutes.from(apps(
                "Resources:\n  Check: {Type: AWS::Route53::HealthCheck, Properties: {HealthCheckConfig: {Type: HTTP}}}\n",
                RUN));

        var routing = RoutingPlanner.plan(found.records(), RUN, "app.regionless.test", FAST, "the template");

        assertThat(routing.policy()).isEqualTo(RoutingPolicy.latency());
        assertThat(routing.regions()).containsExactlyElementsOf(RUN);
        assertThat(routing.domain().apiName()).isEqualTo("api.app.regionless.test");
        assertThat(routing.checks()).isEmpty();
    }
}

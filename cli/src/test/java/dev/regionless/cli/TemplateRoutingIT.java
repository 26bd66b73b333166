package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import dev.regionless.router.Edge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edges routing by a template's Route 53 records, started as {@code up --edge} starts them: the routing is read
 * from every region's copy of the template, the template deployed, and an edge put in front. Responses carry
 * {@code X-Regionless-Region}, so each request shows where the edge sent it. The edge sits near Oregon, so plain
 * latency routing would pick us-west-2: whatever goes to eu-west-2 goes there because the records say so.
 */
class TemplateRoutingIT {
    static final List<String> RUN = List.of("eu-west-2", "us-west-2");
    static final Map<String, String> ADDRESSES = Map.of("eu-west-2", "127.0.0.2", "us-west-2", "127.0.0.3");
    static final RunningEdges.EdgeSite OREGON = new RunningEdges.EdgeSite(
            "oregon", "Oregon", Map.of("us-west-2", Duration.ofMillis(4), "eu-west-2", Duration.ofMillis(140)));
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;

    static RegionSet regions;
    RunningEdges edges;

    @BeforeAll
    static void startRegions() {
        regions = RegionSet.start(folder.resolve("data"), RUN, config -> config.withHost(ADDRESSES.get(config.name())));
    }

    @AfterEach
    void stopEdgesAndHeal() throws Exception {
        if (edges != null) {
            edges.close();
        }
        setHealth("eu-west-2", "pass");
    }

    @AfterAll
    static void stopRegions() {
        regions.close();
    }

    /** Quack's health route, and one record per region's copy of the template with {@code record} added. */
    static String template(String record, String searchString) {
        var quackJar = Path.of(System.getProperty("regionless.home", ".."))
                .toAbsolutePath()
                .resolve("examples/quack/target/quack.jar");
        return """
                Transform: AWS::Serverless-2016-10-31
                Conditions:
                  InLondon: !Equals [!Ref AWS::Region, eu-west-2]
                Resources:
                  Health:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      CodeUri: %s
                      Handler: example.quack.Health::handleRequest
                      Events:
                        Health: {Type: Api, Properties: {Path: /health, Method: GET}}
                  Check:
                    Type: AWS::Route53::HealthCheck
                    Properties:
                      HealthCheckConfig:
                        Type: HTTP_STR_MATCH
                        ResourcePath: /Prod/health
                        SearchString: %s
                  Record:
                    Type: AWS::Route53::RecordSet
                    Properties:
                      HostedZoneName: shop.regionless.test.
                      Name: api.shop.regionless.test.
                      Type: A
                      SetIdentifier: !Ref AWS::Region
                      HealthCheckId: !Ref Check
                      AliasTarget: {DNSName: !Sub "api-${AWS::Region}.shop.regionless.test", HostedZoneId: Z2}
                """.formatted(quackJar, searchString) + record.stripIndent().indent(6);
    }

    /** What {@code up --template FILE --edge oregon} does: routing read first, then deploy, then the edge. */
    Edge up(String yaml) throws IOException {
        var file = Files.writeString(folder.resolve("template.yaml"), yaml);
        var routing = new EdgeOptions().plan(regions, file, Map.of(), "app.regionless.test", quiet());
        regions.deploy(file, Map.of());
        edges = RunningEdges.start(regions, List.of(OREGON), Map.of(), routing, "127.0.0.1", false);
        return edges.edges().getFirst();
    }

    @Test
    void failoverRecordsSendEverythingToThePrimaryUntilItsHealthCheckFails() throws Exception {
        var edge = up(template("Failover: !If [InLondon, PRIMARY, SECONDARY]\n", "Ok"));

        var before = servedBy(edge, 20);
        setHealth("eu-west-2", "fail");
        await().atMost(Duration.ofSeconds(15)).until(() -> servedBy(edge, 1).containsKey("us-west-2"));
        var during = servedBy(edge, 20);
        setHealth("eu-west-2", "pass");
        await().atMost(Duration.ofSeconds(15)).until(() -> servedBy(edge, 1).containsKey("eu-west-2"));

        assertThat(before).containsOnlyKeys("eu-west-2");
        assertThat(during).containsOnlyKeys("us-west-2");
        assertThat(edge.status().policy()).isEqualTo("failover (primary eu-west-2, secondary us-west-2)");
    }

    @Test
    void weightedRecordsSplitTrafficRoughlyByWeight() throws Exception {
        var edge = up(template("Weight: !If [InLondon, 3, 1]\n", "Ok"));

        var served = servedBy(edge, 400);

        assertThat(served).containsOnlyKeys("eu-west-2", "us-west-2");
        // 3:1 expects 300 of 400 in eu-west-2; the bound is about seven standard deviations wide.
        assertThat(served.get("eu-west-2")).isBetween(240, 360);
        assertThat(served.get("eu-west-2") + served.get("us-west-2")).isEqualTo(400);
    }

    @Test
    void aRecordsCheckLookingForTextTheRegionDoesNotAnswerMakesItUnhealthy() throws Exception {
        var edge = up(template("Region: !Ref AWS::Region\n", "!If [InLondon, Ok, Quack]"));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> region(edge, "us-west-2").health().equals("unhealthy"));
        var served = servedBy(edge, 20);

        assertThat(served).containsOnlyKeys("eu-west-2");
        assertThat(region(edge, "us-west-2").lastCheck()).endsWith("body lacks \"Quack\"");
        assertThat(region(edge, "eu-west-2").health()).isEqualTo("healthy");
    }

    @Test
    void badRoutingIsRefusedBeforeTheTemplateIsDeployedNamingTheRecord() throws IOException {
        var yaml = template("Failover: PRIMARY\n", "Ok").replace("  Record:\n", "  Record:\n    Condition: InLondon\n");
        var file = Files.writeString(folder.resolve("bad.yaml"), yaml);

        assertThatThrownBy(() -> new EdgeOptions().plan(regions, file, Map.of(), "app.regionless.test", quiet()))
                .isInstanceOf(CliException.class)
                .hasMessage("Resources.Record in eu-west-2's copy of the template: api.shop.regionless.test has a"
                        + " PRIMARY record but no SECONDARY (expected: one PRIMARY and one SECONDARY record)");
    }

    static dev.regionless.router.EdgeStatus.RegionStatus region(Edge edge, String name) {
        return edge.status().regions().stream()
                .filter(r -> r.region().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Sends {@code count} GETs through the edge and counts them by the region that served each. */
    static Map<String, Integer> servedBy(Edge edge, int count) throws Exception {
        var served = new HashMap<String, Integer>();
        var uri = URI.create(edge.endpoints().http() + "/Prod/health");
        for (int i = 0; i < count; i++) {
            var response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            response.headers()
                    .firstValue("X-Regionless-Region")
                    .ifPresent(region -> served.merge(region, 1, Integer::sum));
        }
        return served;
    }

    static void setHealth(String region, String status) throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create(regions.region(region).endpoints().admin() + "/admin/health-switch"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + status + "\"}"))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}

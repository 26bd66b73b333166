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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: real processes, endpoints.json, HTTP calls, and the read-only commands beside it. */
class UpCommandIT {
    @TempDir
    Path work;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void upServesTheTemplateInEveryRegionAndOtherCommandsFindItThroughTheDataFolder() throws Exception {
        var template = Path.of(System.getProperty("regionless.home", "..")).resolve("examples/hello/template.yaml");

        try (var up = CliProcess.start(
                work,
                "up",
                "--template",
                template.toString(),
                "--regions",
                "eu-west-2,us-east-1",
                "--data",
                "run",
                "--no-delay")) {
            var endpoints = awaitEndpoints(work.resolve("run/endpoints.json"), up);
            var api = endpoints.get("regions").get("us-east-1").get("api").asText();
            try (var follow =
                    CliProcess.start(work, "logs", "hello", "--region", "us-east-1", "--follow", "--data", "run")) {
                var hello = get(URI.create(api + "/hello"));

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> follow.output().contains("REPORT RequestId:"));
                assertThat(hello.statusCode()).isEqualTo(200);
            }
            var hello = get(URI.create(api + "/hello"));

            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.headers().firstValue("X-Regionless-Region")).hasValue("us-east-1");
            var logs = CliProcess.run(work, "logs", "hello", "--region", "us-east-1", "--data", "run");
            assertThat(logs.exitCode()).isZero();
            assertThat(logs.output()).contains("START RequestId:", "REPORT RequestId:");
            var usage = CliProcess.run(work, "usage", "--data", "run");
            assertThat(usage.output()).containsPattern("us-east-1 +hello +2 ");
            var status = CliProcess.run(work, "status", "--data", "run");
            assertThat(status.output()).contains("eu-west-2", "us-east-1", "[\"hello\"]");
        }
    }

    @Test
    void anEdgeStartedWithUpSendsClientsToAHealthyRegionWhenOneGoesDown() throws Exception {
        var template = Path.of(System.getProperty("regionless.home", "..")).resolve("examples/hello/template.yaml");

        try (var up = CliProcess.start(
                work,
                "up",
                "--template",
                template.toString(),
                "--regions",
                "eu-west-2,us-east-1",
                "--edge",
                "local",
                "--data",
                "run",
                "--no-delay")) {
            await().atMost(Duration.ofSeconds(120)).until(() -> up.output().contains("Press Ctrl-C"));
            var edge = json.readTree(Files.readString(work.resolve("run/endpoints.json")))
                    .get("edges")
                    .get("local");
            var hello = URI.create(edge.get("api").asText() + "/hello");
            var first = regionOf(get(hello));
            var other = first.equals("eu-west-2") ? "us-east-1" : "eu-west-2";

            var down = CliProcess.run(work, "chaos", "region", first, "down", "--data", "run");
            var during = get(hello);

            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(during.statusCode()).isEqualTo(200);
            assertThat(regionOf(during)).isEqualTo(other);
        }
    }

    @Test
    void aRoutingFileGivesAnAppWithoutRecordsItsFailoverPolicy() throws Exception {
        var template = Path.of(System.getProperty("regionless.home", "..")).resolve("examples/hello/template.yaml");
        var routing = Files.writeString(work.resolve("routing.yaml"), """
                routing:
                  domain: hello.regionless.test
                  regions:
                    us-east-1: {failover: PRIMARY, evaluateTargetHealth: true}
                    eu-west-2: {failover: SECONDARY, evaluateTargetHealth: true}
                """);

        try (var up = CliProcess.start(
                work,
                "up",
                "--template",
                template.toString(),
                "--regions",
                "eu-west-2,us-east-1",
                "--edge",
                "local",
                "--routing",
                routing.toString(),
                "--data",
                "run",
                "--no-delay")) {
            await().atMost(Duration.ofSeconds(120)).until(() -> up.output().contains("Press Ctrl-C"));
            var edge = json.readTree(Files.readString(work.resolve("run/endpoints.json")))
                    .get("edges")
                    .get("local");
            var hello = URI.create(edge.get("api").asText() + "/hello");

            var first = get(hello);
            CliProcess.run(work, "chaos", "region", "us-east-1", "down", "--data", "run");
            var during = get(hello);

            assertThat(up.output()).contains("routing: failover (primary us-east-1, secondary eu-west-2)");
            assertThat(edge.get("dns").asText()).startsWith("dns://");
            assertThat(regionOf(first)).isEqualTo("us-east-1");
            assertThat(during.statusCode()).isEqualTo(200);
            assertThat(regionOf(during)).isEqualTo("eu-west-2");
        }
    }

    @Test
    void routingThatCannotWorkStopsUpBeforeTheDeployNamingTheRecord() throws Exception {
        var template = Path.of(System.getProperty("regionless.home", "..")).resolve("examples/hello/template.yaml");
        var routing = Files.writeString(
                work.resolve("routing.yaml"), "routing:\n  regions:\n    eu-west-2: {failover: PRIMARY}\n");

        var result = CliProcess.run(
                work,
                "up",
                "--template",
                template.toString(),
                "--regions",
                "eu-west-2,us-east-1",
                "--edge",
                "local",
                "--routing",
                routing.toString(),
                "--data",
                "run");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output())
                .contains("routing.regions.eu-west-2 in routing.yaml: api.app.regionless.test has a PRIMARY record but"
                        + " no SECONDARY (expected: one PRIMARY and one SECONDARY record)")
                .doesNotContain("Press Ctrl-C")
                .doesNotContain("\tat ");
    }

    private static String regionOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Regionless-Region").orElse("none");
    }

    @Test
    void redeployThatFailsToLoadKeepsTheOldVersionAndAGoodOneReplacesIt() throws Exception {
        var home = Path.of(System.getProperty("regionless.home", "..")).toAbsolutePath();
        var original = Files.readString(home.resolve("examples/hello/template.yaml"))
                .replace("CodeUri: target/hello.jar", "CodeUri: " + home.resolve("examples/hello/target/hello.jar"));
        var app = Files.createDirectories(work.resolve("app"));
        Files.writeString(app.resolve("template.yaml"), original);
        Files.writeString(
                app.resolve("broken.yaml"), original.replace("example.hello.Hello::", "example.hello.Gone::"));

        try (var up = CliProcess.start(
                work,
                "up",
                "--template",
                app.resolve("template.yaml").toString(),
                "--regions",
                "eu-west-2",
                "--data",
                "run")) {
            var api = awaitEndpoints(work.resolve("run/endpoints.json"), up)
                    .get("regions")
                    .get("eu-west-2")
                    .get("api")
                    .asText();
            var broken = CliProcess.run(
                    work, "deploy", "--template", app.resolve("broken.yaml").toString(), "--data", "run");
            var stillOld = get(URI.create(api + "/hello"));
            var good = CliProcess.run(
                    work,
                    "deploy",
                    "--template",
                    app.resolve("template.yaml").toString(),
                    "--parameter-overrides",
                    "Greeting=Bonjour",
                    "--data",
                    "run");
            var updated = get(URI.create(api + "/hello"));

            assertThat(broken.exitCode()).isEqualTo(2);
            assertThat(broken.output())
                    .contains("example.hello.Gone was not found")
                    .doesNotContain("\tat ");
            assertThat(stillOld.body()).contains("\"message\":\"Hello, world!\"");
            assertThat(good.exitCode()).as(good.output()).isZero();
            assertThat(updated.body()).contains("\"message\":\"Bonjour, world!\"");
        }
    }

    @Test
    void malformedTemplateIsReportedInOneLineWithoutAStackTrace() throws Exception {
        var template = work.resolve("template.yaml");
        Files.writeString(template, "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [oops\n");

        var result = CliProcess.run(
                work, "up", "--template", template.toString(), "--regions", "eu-west-2", "--data", "run");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("regionless: ", "template.yaml").doesNotContain("\tat ");
    }

    @Test
    void logsWithoutARunningRegionSaysWhereItLooked() throws Exception {
        var result = CliProcess.run(work, "logs", "hello", "--region", "eu-west-2", "--data", "nothing-here");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("no running regions found in").doesNotContain("\tat ");
    }

    private JsonNode awaitEndpoints(Path file, CliProcess up) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(up.isAlive()).as("regionless up exited: %s", up.output()).isTrue();
            return Files.exists(file) && up.output().contains("Press Ctrl-C to stop.");
        });
        try {
            return json.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

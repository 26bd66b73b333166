package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Two regions in one JVM, each on its own loopback address as in the demo, the same unmodified handler in both,
 * invoked at the same time: each sees its own region through plain System.getenv, and an SDK client it builds with
 * default settings talks to its own region.
 */
class TwoRegionsEnvironmentIT {
    @TempDir
    static Path folder;

    static RegionSet regions;

    @BeforeAll
    static void start() {
        var names = List.of("eu-west-2", "us-west-2");
        regions = RegionSet.start(
                folder.resolve("data"), names, c -> c.withHost(RegionConfig.loopbackAddress(names.indexOf(c.name()))));
        regions.deploy(TestApps.template(folder, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Probe:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: probe
                      Runtime: java21
                      CodeUri: ${jar}
                      Handler: dev.regionless.testfunctions.EnvironmentProbe
                      MemorySize: 768
                      Timeout: 30
                      Environment:
                        Variables:
                          TABLE: !Sub "messages-${AWS::Region}"
                """), Map.of());
    }

    @AfterAll
    static void stop() {
        regions.close();
    }

    @Test
    void eachRegionsFunctionSeesItsOwnEnvironmentAndReachesItsOwnRegion() throws Exception {
        Map<String, JsonNode> seen;
        try (var pool = Executors.newFixedThreadPool(2)) {
            Map<String, Future<JsonNode>> calls = Map.of(
                    "eu-west-2", pool.submit(() -> probe("eu-west-2")),
                    "us-west-2", pool.submit(() -> probe("us-west-2")));
            seen = Map.of(
                    "eu-west-2",
                    calls.get("eu-west-2").get(),
                    "us-west-2",
                    calls.get("us-west-2").get());
        }

        for (var region : List.of("eu-west-2", "us-west-2")) {
            var view = seen.get(region);
            assertThat(view.get("AWS_REGION").asText()).isEqualTo(region);
            assertThat(view.get("fullMapRegion").asText()).isEqualTo(region);
            assertThat(view.get("TABLE").asText()).isEqualTo("messages-" + region);
            assertThat(view.get("AWS_ENDPOINT_URL").asText())
                    .isEqualTo(regions.region(region).endpoints().service().toString());
            assertThat(view.get("AWS_ENDPOINT_URL").asText())
                    .startsWith(region.equals("eu-west-2") ? "http://127.0.0.2:" : "http://127.0.0.3:");
            assertThat(view.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("768");
            assertThat(view.get("arnSeenBySdk").asText())
                    .isEqualTo("arn:aws:lambda:" + region + ":123456789012:function:probe");
        }
    }

    @Test
    void theHealthSwitchReachesTheRunningFunctionsOfItsRegionOnly() throws Exception {
        setHealthSwitch("eu-west-2", "fail");
        try {
            assertThat(probe("eu-west-2").get("REGIONLESS_REGION_HEALTH").asText())
                    .isEqualTo("fail");
            assertThat(probe("us-west-2").has("REGIONLESS_REGION_HEALTH")).isFalse();
        } finally {
            setHealthSwitch("eu-west-2", "pass");
        }
        assertThat(probe("eu-west-2").has("REGIONLESS_REGION_HEALTH")).isFalse();
    }

    @Test
    void regionHealthFailsWhileTheHealthSwitchFails() throws Exception {
        setHealthSwitch("eu-west-2", "fail");
        try {
            assertThat(regionHealth("eu-west-2")).isEqualTo(503);
            assertThat(regionHealth("us-west-2")).isEqualTo(200);
        } finally {
            setHealthSwitch("eu-west-2", "pass");
        }
        assertThat(regionHealth("eu-west-2")).isEqualTo(200);
    }

    @Test
    void regionHealthFailsWhileTheRegionIsDark() throws Exception {
        regions.region("us-west-2").goDark();
        try {
            assertThat(regionHealth("us-west-2")).isEqualTo(503);
        } finally {
            regions.region("us-west-2").comeBack();
        }
        assertThat(regionHealth("us-west-2")).isEqualTo(200);
    }

    private static int regionHealth(String region) throws Exception {
        var admin = regions.region(region).endpoints().admin();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(
                            java.net.http.HttpRequest.newBuilder(admin.resolve("/admin/region-health"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private static void setHealthSwitch(String region, String status) throws Exception {
        var admin = regions.region(region).endpoints().admin();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var response = http.send(
                    java.net.http.HttpRequest.newBuilder(admin.resolve("/admin/health-switch"))
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    @Test
    void hostProcessEnvironmentIsNotChangedByFunctions() {
        probe("eu-west-2");

        assertThat(System.getenv("AWS_ENDPOINT_URL"))
                .isNotEqualTo(regions.region("eu-west-2").endpoints().service().toString());
    }

    private static JsonNode probe(String region) {
        try (var lambda = TestApps.lambda(regions.region(region))) {
            var response =
                    lambda.invoke(r -> r.functionName("probe").payload(SdkBytes.fromUtf8String("{\"callSdk\":true}")));
            assertThat(response.functionError())
                    .as(response.payload().asUtf8String())
                    .isNull();
            return Json.mapper().readTree(response.payload().asUtf8String());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}

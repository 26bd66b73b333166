package dev.regionless.gateway;

import static dev.regionless.gateway.testing.Apis.http;
import static dev.regionless.gateway.testing.Apis.rest;
import static dev.regionless.gateway.testing.Apis.v1;
import static dev.regionless.gateway.testing.Apis.v2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.testing.FakeFunctions;
import dev.regionless.gateway.testing.GatewayServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A gateway whose integration timeout is 300 ms, in front of a function that never answers by itself. */
class IntegrationTimeoutIT {
    private static final FakeFunctions FUNCTIONS = new FakeFunctions();
    private static final HttpGateway GATEWAY = new HttpGateway(
            GatewayConfig.defaults("us-west-2").withIntegrationTimeout(Duration.ofMillis(300)), FUNCTIONS);
    private static GatewayServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void startServer() {
        server = GatewayServer.start(GATEWAY);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void releaseTheFunction() {
        release.countDown();
    }

    private void deployStuckFunction(HttpApiDefinition api) {
        GATEWAY.deploy(List.of(api));
        FUNCTIONS.define("stuck", event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FUNCTIONS.completed("{\"statusCode\":200}");
        });
    }

    @Test
    void restApiAnswers504EndpointRequestTimedOutWhileTheFunctionKeepsRunning() {
        deployStuckFunction(rest("Prod", v1("GET /slow", "stuck")));

        var response = server.get("/Prod/slow");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
        assertThat(release.getCount()).as("the function is still running").isEqualTo(1);
    }

    @Test
    void httpApiAnswers503ServiceUnavailable() {
        deployStuckFunction(http(v2("GET /slow", "stuck")));

        var response = server.get("/slow");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
        assertThat(response.headers().firstValue("X-Regionless-Region")).contains("us-west-2");
    }
}

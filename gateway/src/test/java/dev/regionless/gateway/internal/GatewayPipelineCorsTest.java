package dev.regionless.gateway.internal;

import static dev.regionless.gateway.testing.Apis.http;
import static dev.regionless.gateway.testing.Apis.rest;
import static dev.regionless.gateway.testing.Apis.v1;
import static dev.regionless.gateway.testing.Apis.v2;
import static dev.regionless.gateway.testing.Apis.withCors;
import static dev.regionless.gateway.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.Cors;
import dev.regionless.gateway.GatewayConfig;
import dev.regionless.gateway.HttpApiDefinition;
import dev.regionless.gateway.testing.FakeFunctions;
import dev.regionless.gateway.testing.MutableClock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GatewayPipelineCorsTest {
    private static final Cors EXAMPLE_ORIGIN = new Cors(
            List.of("https://www.example.com"), List.of("GET", "PUT"), List.of("content-type"), List.of(), 300, false);

    private final MutableClock clock = MutableClock.atExampleTime();
    private final FakeFunctions functions = new FakeFunctions();
    private final Random random = new Random(7);
    private Deployment deployment = Deployment.empty();
    private final GatewayPipeline pipeline = new GatewayPipeline(
            GatewayConfig.defaults("eu-west-2").withClock(clock),
            functions,
            new RequestIds(() -> random),
            () -> deployment);

    private void deploy(HttpApiDefinition api) {
        deployment = Deployment.of(List.of(api), clock);
    }

    @Test
    void httpApiAnswersPreflightItselfWithoutInvoking() {
        deploy(withCors(http(v2("PUT /items", "fn")), EXAMPLE_ORIGIN));

        var response = pipeline.handle(request("OPTIONS", "/items")
                .header("Origin", "https://www.example.com")
                .header("Access-Control-Request-Method", "PUT")
                .build());

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Methods")).contains("GET,PUT");
        assertThat(functions.invocations()).isEmpty();
    }

    @Test
    void httpApiReplacesTheFunctionsCorsHeadersWithItsOwn() {
        deploy(withCors(http(v2("GET /items", "fn")), EXAMPLE_ORIGIN));
        functions.returning("fn", "{\"statusCode\":200,\"headers\":{\"Access-Control-Allow-Origin\":\"*\"}}");

        var response = pipeline.handle(request("GET", "/items")
                .header("Origin", "https://www.example.com")
                .build());

        assertThat(response.headerValues("Access-Control-Allow-Origin")).containsExactly("https://www.example.com");
    }

    @Test
    void httpApiAddsNoCorsHeadersForADisallowedOrigin() {
        deploy(withCors(http(v2("GET /items", "fn")), EXAMPLE_ORIGIN));
        functions.returning("fn", "{\"statusCode\":200}");

        var response = pipeline.handle(
                request("GET", "/items").header("Origin", "https://other.test").build());

        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void restApiAnswersOptionsLikeSamsGeneratedMockMethod() {
        deploy(withCors(
                rest("Prod", v1("GET /items", "fn"), v1("POST /items", "fn")),
                new Cors(List.of("*"), List.of(), List.of("Content-Type"), List.of(), null, false)));

        var response = pipeline.handle(request("OPTIONS", "/Prod/items")
                .header("Origin", "https://a.test")
                .header("Access-Control-Request-Method", "POST")
                .build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).contains("*");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("GET,OPTIONS,POST");
        assertThat(functions.invocations()).isEmpty();
    }

    @Test
    void restApiOptionsOnAnUnknownPathIsStillMissingAuthenticationToken() {
        deploy(withCors(
                rest("Prod", v1("GET /items", "fn")),
                new Cors(List.of("*"), List.of(), List.of(), List.of(), null, false)));

        var response = pipeline.handle(request("OPTIONS", "/Prod/unknown").build());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void restApiLeavesCorsHeadersOfProxyResponsesToTheFunction() {
        deploy(withCors(
                rest("Prod", v1("GET /items", "fn")),
                new Cors(List.of("*"), List.of(), List.of(), List.of(), null, false)));
        functions.returning("fn", "{\"statusCode\":200}");

        var response = pipeline.handle(
                request("GET", "/Prod/items").header("Origin", "https://a.test").build());

        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
    }
}

package dev.regionless.gateway.internal;

import static dev.regionless.gateway.testing.Apis.http;
import static dev.regionless.gateway.testing.Apis.httpOnStage;
import static dev.regionless.gateway.testing.Apis.rest;
import static dev.regionless.gateway.testing.Apis.throttled;
import static dev.regionless.gateway.testing.Apis.v1;
import static dev.regionless.gateway.testing.Apis.v2;
import static dev.regionless.gateway.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.AwsException;
import dev.regionless.functions.InvocationResult;
import dev.regionless.gateway.GatewayConfig;
import dev.regionless.gateway.HttpApiDefinition;
import dev.regionless.gateway.Throttle;
import dev.regionless.gateway.testing.FakeFunctions;
import dev.regionless.gateway.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GatewayPipelineTest {
    private static final String OK_V1 = "{\"statusCode\":200,\"body\":\"ok\"}";

    private final MutableClock clock = MutableClock.atExampleTime();
    private final FakeFunctions functions = new FakeFunctions();
    private final Random random = new Random(7);
    private Deployment deployment = Deployment.empty();
    private final GatewayPipeline pipeline = new GatewayPipeline(
            GatewayConfig.defaults("eu-west-2").withClock(clock),
            functions,
            new RequestIds(() -> random),
            () -> deployment);

    private void deploy(HttpApiDefinition... apis) {
        deployment = Deployment.of(List.of(apis), clock);
    }

    @Test
    void nothingDeployedAnswers404NotFound() {
        var response = pipeline.handle(request("GET", "/anything").build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void unknownRestRouteAnswers403MissingAuthenticationToken() {
        deploy(rest("Prod", v1("GET /hello", "fn")));

        var response = pipeline.handle(request("GET", "/Prod/goodbye").build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(response.header("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void unknownHttpRouteAnswers404NotFound() {
        deploy(http(v2("GET /hello", "fn")));

        var response = pipeline.handle(request("GET", "/goodbye").build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void restRouteInvokesItsFunctionWithAPayload1Event() {
        deploy(rest("Prod", v1("GET /items/{id}", "getItem")));
        functions.returning("getItem", OK_V1);

        var response = pipeline.handle(request("GET", "/Prod/items/42").build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("ok");
        var event = functions.lastEvent();
        assertThat(event.get("path").asText()).isEqualTo("/items/42");
        assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("42");
        assertThat(event.get("requestContext").get("stage").asText()).isEqualTo("Prod");
    }

    @Test
    void functionErrorOnRestApiAnswers502() {
        deploy(rest("Prod", v1("GET /hello", "fn")));
        functions.failing("fn");

        var response = pipeline.handle(request("GET", "/Prod/hello").build());

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.bodyText()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void functionErrorOnHttpApiAnswers500() {
        deploy(http(v2("GET /hello", "fn")));
        functions.failing("fn");

        var response = pipeline.handle(request("GET", "/hello").build());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void malformedProxyResponseOnRestApiAnswers502() {
        deploy(rest("Prod", v1("GET /hello", "fn")));
        functions.returning("fn", "{\"body\":\"no status code\"}");

        var response = pipeline.handle(request("GET", "/Prod/hello").build());

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.bodyText()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void functionThrottledByTheRuntimeAnswers429() {
        deploy(http(v2("GET /hello", "fn")));
        functions.define("fn", event -> new InvocationResult.Throttled("id", "ReservedFunctionConcurrencyExceeded"));

        var response = pipeline.handle(request("GET", "/hello").build());

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    }

    @Test
    void runtimeRefusingWithTooManyRequestsAnswers429() {
        deploy(http(v2("GET /hello", "fn")));
        functions.define("fn", event -> {
            throw new AwsException("TooManyRequestsException", 429, "Rate exceeded");
        });

        var response = pipeline.handle(request("GET", "/hello").build());

        assertThat(response.status()).isEqualTo(429);
    }

    @Test
    void unknownFunctionAnswersLikeAFunctionError() {
        deploy(rest("Prod", v1("GET /hello", "notDeployed")));

        var response = pipeline.handle(request("GET", "/Prod/hello").build());

        assertThat(response.status()).isEqualTo(502);
    }

    @Test
    void routeOverItsThrottleAnswers429WithoutInvokingTheFunction() {
        deploy(http(throttled(v2("GET /hello", "fn"), new Throttle(1, 1))));
        functions.returning("fn", "{}");
        pipeline.handle(request("GET", "/hello").build());

        var response = pipeline.handle(request("GET", "/hello").build());

        assertThat(response.status()).isEqualTo(429);
        assertThat(functions.invocations()).hasSize(1);
    }

    @Test
    void throttledRouteAcceptsAgainOnceTheClockHasRefilledIt() {
        deploy(http(throttled(v2("GET /hello", "fn"), new Throttle(1, 1))));
        functions.returning("fn", "{}");
        pipeline.handle(request("GET", "/hello").build());

        clock.advance(Duration.ofSeconds(1));
        var response = pipeline.handle(request("GET", "/hello").build());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void routeWithoutItsOwnThrottleUsesTheApiDefault() {
        var api = http(v2("GET /hello", "fn"));
        deploy(new HttpApiDefinition(
                api.apiId(), api.name(), api.type(), api.stage(), api.routes(), null, new Throttle(1, 1), List.of()));
        functions.returning("fn", "{}");
        pipeline.handle(request("GET", "/hello").build());

        var response = pipeline.handle(request("GET", "/hello").build());

        assertThat(response.status()).isEqualTo(429);
    }

    @Test
    void everyRestResponseCarriesRegionAndRequestIds() {
        deploy(rest("Prod", v1("GET /hello", "fn")));

        var response = pipeline.handle(request("GET", "/Prod/nothing").build());

        assertThat(response.header("X-Regionless-Region")).contains("eu-west-2");
        assertThat(response.header("x-amzn-RequestId"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(response.header("x-amz-apigw-id")).isPresent();
    }

    @Test
    void everyHttpResponseCarriesRegionAndApigwRequestId() {
        deploy(http(v2("GET /hello", "fn")));

        var response = pipeline.handle(request("GET", "/nothing").build());

        assertThat(response.header("X-Regionless-Region")).contains("eu-west-2");
        assertThat(response.header("Apigw-Requestid"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(16));
    }

    @Test
    void eventHeadersGainXForwardedForWithTheSourceIp() {
        deploy(http(v2("GET /hello", "fn")));
        functions.returning("fn", "{}");

        pipeline.handle(request("GET", "/hello")
                .header("X-Forwarded-For", "198.51.100.1")
                .build());

        assertThat(functions.lastEvent().get("headers").get("x-forwarded-for").asText())
                .isEqualTo("198.51.100.1, 203.0.113.7");
    }

    @Test
    void httpApiOnANamedStageKeepsTheStageInRawPath() {
        deploy(httpOnStage("dev", v2("GET /hello", "fn")));
        functions.returning("fn", "{}");

        pipeline.handle(request("GET", "/dev/hello").build());

        assertThat(functions.lastEvent().get("rawPath").asText()).isEqualTo("/dev/hello");
        assertThat(functions.lastEvent().get("requestContext").get("stage").asText())
                .isEqualTo("dev");
    }

    @Test
    void stagePrefixedApiIsMatchedBeforeARootApi() {
        deploy(http(v2("ANY /{proxy+}", "root")), rest("Prod", v1("GET /hello", "staged")));
        functions.returning("root", "{}").returning("staged", OK_V1);

        pipeline.handle(request("GET", "/Prod/hello").build());

        assertThat(functions.invocations())
                .extracting(FakeFunctions.Invocation::functionName)
                .containsExactly("staged");
    }
}

package dev.regionless.gateway.internal;

import static dev.regionless.gateway.testing.Apis.http;
import static dev.regionless.gateway.testing.Apis.rest;
import static dev.regionless.gateway.testing.Apis.v1;
import static dev.regionless.gateway.testing.Apis.v2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.gateway.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentTest {
    private final MutableClock clock = MutableClock.atExampleTime();

    @Test
    void restApiOnTheDefaultStageIsRejected() {
        var api = rest("$default", v1("GET /hello", "fn"));

        assertThatThrownBy(() -> Deployment.of(List.of(api), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("API restapi01 (Rest): stage: \"$default\" (expected: a stage name");
    }

    @Test
    void restApiWithDefaultRouteIsRejected() {
        var api = rest("Prod", v1("$default", "fn"));

        assertThatThrownBy(() -> Deployment.of(List.of(api), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REST APIs have no $default route");
    }

    @Test
    void restApiWithPayload2RouteIsRejected() {
        var api = rest("Prod", v2("GET /hello", "fn"));

        assertThatThrownBy(() -> Deployment.of(List.of(api), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payloadFormat of GET /hello: V2 (expected: V1");
    }

    @Test
    void badRouteKeyIsReportedWithItsApi() {
        var api = http(v2("GET hello", "fn"));

        assertThatThrownBy(() -> Deployment.of(List.of(api), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("API httpapi01 (Http): routeKey: \"GET hello\"");
    }

    @Test
    void sameApiIdTwiceIsRejected() {
        var api = http(v2("GET /hello", "fn"));

        assertThatThrownBy(() -> Deployment.of(List.of(api, api), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiId: httpapi01 (expected: each API id once)");
    }

    @Test
    void validApisAreKeptInDeploymentOrder() {
        var first = rest("Prod", v1("GET /hello", "fn"));
        var second = http(v2("GET /hello", "fn"));

        var deployment = Deployment.of(List.of(first, second), clock);

        assertThat(deployment.definitions()).containsExactly(first, second);
    }

    @Test
    void routeNamingAnAuthorizerTheApiLacksIsRejected() {
        var route = v1("GET /hello", "fn").withAuthorizer("Missing", List.of());
        var api = rest("Prod", route);

        assertThatThrownBy(() -> Deployment.of(List.of(api), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("API restapi01 (Rest): authorizer of GET /hello: Missing (expected: one of the API's "
                        + "authorizers [])");
    }

    @Test
    void jwtAuthorizerOnARestApiIsRejected() {
        var base = rest("Prod", v1("GET /hello", "fn"));
        var api = new dev.regionless.gateway.HttpApiDefinition(
                base.apiId(),
                base.name(),
                base.type(),
                base.stage(),
                base.routes(),
                null,
                null,
                List.of(),
                List.of(new dev.regionless.gateway.JwtAuthorizer(
                        "Jwt", "$request.header.Authorization", "https://issuer.example", List.of("shop"))));

        assertThatThrownBy(() -> Deployment.of(List.of(api), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("API restapi01 (Rest): authorizer Jwt: JWT (expected: a Lambda authorizer; JWT is for "
                        + "HTTP APIs)");
    }
}

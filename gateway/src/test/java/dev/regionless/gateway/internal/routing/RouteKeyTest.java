package dev.regionless.gateway.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteKeyTest {

    @Test
    void parsesMethodAndPathTemplate() {
        var key = RouteKey.parse("get /items/{id}");

        assertThat(key.method()).isEqualTo("GET");
        assertThat(key.resourcePath()).isEqualTo("/items/{id}");
        assertThat(key).hasToString("GET /items/{id}");
    }

    @Test
    void parsesDefaultRouteAsCatchAll() {
        var key = RouteKey.parse("$default");

        assertThat(key.isDefault()).isTrue();
        assertThat(key).hasToString("$default");
    }

    @Test
    void rejectsRouteKeyWithoutMethodNamingTheKey() {
        assertThatThrownBy(() -> RouteKey.parse("/items"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("routeKey: \"/items\" (expected: ");
    }

    @Test
    void rejectsGreedySegmentBeforeTheEnd() {
        assertThatThrownBy(() -> RouteKey.parse("GET /{proxy+}/items"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greedy");
    }

    @Test
    void matchDecodesPathParameters() {
        var key = RouteKey.parse("GET /users/{name}/files/{file}");

        var params = key.match(RequestPath.of("/users/J%C3%BCrgen%20M/files/a%2Fb+c.txt"));

        assertThat(params)
                .hasValueSatisfying(
                        p -> assertThat(p).containsEntry("name", "Jürgen M").containsEntry("file", "a/b+c.txt"));
    }

    @Test
    void greedyParameterCapturesTheRestOfThePathWithoutLeadingSlash() {
        var key = RouteKey.parse("ANY /static/{proxy+}");

        var params = key.match(RequestPath.of("/static/css/site%20main.css"));

        assertThat(params).hasValueSatisfying(p -> assertThat(p).containsEntry("proxy", "css/site main.css"));
    }

    @Test
    void greedyParameterNeedsAtLeastOneSegment() {
        var key = RouteKey.parse("ANY /static/{proxy+}");

        assertThat(key.match(RequestPath.of("/static"))).isEmpty();
    }

    @Test
    void trailingSlashStillFindsTheRoute() {
        var key = RouteKey.parse("GET /items");

        assertThat(key.match(RequestPath.of("/items/"))).isPresent();
    }

    @Test
    void rootRouteMatchesOnlyTheRoot() {
        var key = RouteKey.parse("GET /");

        assertThat(key.match(RequestPath.of("/"))).isPresent();
        assertThat(key.match(RequestPath.of("/items"))).isEmpty();
    }
}

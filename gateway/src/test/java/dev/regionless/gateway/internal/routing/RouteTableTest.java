package dev.regionless.gateway.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteTable<String> table(String... keys) {
        List<Route<String>> routes =
                Arrays.stream(keys).map(k -> new Route<>(RouteKey.parse(k), k)).toList();
        return RouteTable.of(routes);
    }

    private static String chosen(RouteTable<String> table, String method, String path) {
        return table.match(method, RequestPath.of(path))
                .map(m -> m.route().target())
                .orElse("none");
    }

    @Test
    void exactPathBeatsParameterBeatsGreedy() {
        var table = table("GET /{proxy+}", "GET /items/{id}", "GET /items/special");

        assertThat(chosen(table, "GET", "/items/special")).isEqualTo("GET /items/special");
        assertThat(chosen(table, "GET", "/items/42")).isEqualTo("GET /items/{id}");
        assertThat(chosen(table, "GET", "/other/42")).isEqualTo("GET /{proxy+}");
    }

    @Test
    void specificMethodBeatsAnyOnTheSamePath() {
        var table = table("ANY /items", "POST /items");

        assertThat(chosen(table, "POST", "/items")).isEqualTo("POST /items");
        assertThat(chosen(table, "DELETE", "/items")).isEqualTo("ANY /items");
    }

    @Test
    void moreSpecificPathBeatsSpecificMethod() {
        var table = table("GET /{proxy+}", "ANY /items");

        assertThat(chosen(table, "GET", "/items")).isEqualTo("ANY /items");
    }

    @Test
    void methodWithoutRouteFallsThroughToLessSpecificPath() {
        var table = table("GET /items", "ANY /{proxy+}");

        assertThat(chosen(table, "POST", "/items")).isEqualTo("ANY /{proxy+}");
    }

    @Test
    void defaultRouteCatchesWhatNothingElseMatches() {
        var table = table("GET /items", "$default");

        assertThat(chosen(table, "GET", "/items")).isEqualTo("GET /items");
        assertThat(chosen(table, "PUT", "/anything/else")).isEqualTo("$default");
    }

    @Test
    void noRouteAndNoDefaultMatchesNothing() {
        var table = table("GET /items");

        assertThat(chosen(table, "GET", "/nothing")).isEqualTo("none");
    }

    @Test
    void matchCarriesPathParameters() {
        var table = table("GET /items/{id}/parts/{part}");

        var match = table.match("GET", RequestPath.of("/items/7/parts/wheel")).orElseThrow();

        assertThat(match.pathParameters()).containsEntry("id", "7").containsEntry("part", "wheel");
    }

    @Test
    void rejectsTheSameRouteKeyTwice() {
        assertThatThrownBy(() -> table("GET /items", "GET /items"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routeKey: \"GET /items\" (expected: each route key once per API)");
    }

    @Test
    void methodsOnPathSpellOutAnyAndIncludeOptions() {
        var table = table("GET /items", "POST /items", "GET /other");

        assertThat(table.methodsOn(RequestPath.of("/items"))).containsExactly("GET", "OPTIONS", "POST");
    }
}

package dev.regionless.gateway.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteSelectionExpressionTest {
    private final RouteSelectionExpression action = RouteSelectionExpression.parse("$request.body.action");

    @Test
    void stringValueIsTheRouteKey() {
        assertThat(action.evaluate("{\"action\":\"sendMessage\",\"data\":1}")).contains("sendMessage");
    }

    @Test
    void nestedPathIsFollowed() {
        var nested = RouteSelectionExpression.parse("$request.body.meta.kind");

        assertThat(nested.evaluate("{\"meta\":{\"kind\":\"join\"}}")).contains("join");
    }

    @Test
    void bracedFormReadsTheSame() {
        var braced = RouteSelectionExpression.parse("${request.body.action}");

        assertThat(braced.evaluate("{\"action\":\"join\"}")).contains("join");
    }

    @Test
    void otherValuesAreStringifiedAsJson() {
        assertThat(action.evaluate("{\"action\":42}")).contains("42");
        assertThat(action.evaluate("{\"action\":true}")).contains("true");
        assertThat(action.evaluate("{\"action\":{\"a\":1}}")).contains("{\"a\":1}");
    }

    @Test
    void missingOrNullPathSelectsTheEmptyKey() {
        assertThat(action.evaluate("{\"other\":1}")).contains("");
        assertThat(action.evaluate("{\"action\":null}")).contains("");
    }

    @Test
    void messageThatIsNotAJsonObjectSelectsNothing() {
        assertThat(action.evaluate("hello")).isEmpty();
        assertThat(action.evaluate("[1,2]")).isEmpty();
        assertThat(action.evaluate("\"action\"")).isEmpty();
        assertThat(action.evaluate("{\"action\":")).isEmpty();
    }

    @Test
    void expressionOutsideTheRequestBodyIsRejectedNamingIt() {
        assertThatThrownBy(() -> RouteSelectionExpression.parse("$request.header.x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routeSelectionExpression: $request.header.x"
                        + " (expected: $request.body.<path>, for example $request.body.action)");
        assertThatThrownBy(() -> RouteSelectionExpression.parse("$request.body."))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.regionless.gateway.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.gateway.WebSocketApiDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSocketDeploymentTest {
    private static final WebSocketApiDefinition CHAT =
            WebSocketApiDefinition.of("chat", "Prod", Map.of("$default", "Fallback"));
    private static final WebSocketApiDefinition GAME =
            WebSocketApiDefinition.of("game", "play", Map.of("$default", "Game"));

    @Test
    void eachStageNamesItsApi() {
        var deployment = WebSocketDeployment.of(List.of(CHAT, GAME));

        assertThat(deployment.byPath("/Prod").map(CompiledWebSocketApi::apiId)).contains("chat");
        assertThat(deployment.byPath("/play/").map(CompiledWebSocketApi::apiId)).contains("game");
        assertThat(deployment.byPath("/other")).isEmpty();
        assertThat(deployment.byPath("/Prod/more")).isEmpty();
        assertThat(deployment.byPath("/")).isEmpty();
    }

    @Test
    void twoApisOnOneStageAreRejectedNamingBoth() {
        var other = WebSocketApiDefinition.of("other", "Prod", Map.of("$default", "Other"));

        assertThatThrownBy(() -> WebSocketDeployment.of(List.of(CHAT, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "stage: Prod is used by WebSocket APIs chat and other (expected: one API per stage");
    }

    @Test
    void twoApisWithOneIdAreRejected() {
        var sameId = WebSocketApiDefinition.of("chat", "other", Map.of("$default", "Other"));

        assertThatThrownBy(() -> WebSocketDeployment.of(List.of(CHAT, sameId)))
                .hasMessage("apiId: chat (expected: each WebSocket API id once)");
    }

    @Test
    void badExpressionIsRejectedNamingTheApi() {
        var bad = new WebSocketApiDefinition("bad", null, "Prod", "$request.querystring.x", Map.of());

        assertThatThrownBy(() -> WebSocketDeployment.of(List.of(bad))).hasMessageStartingWith("WebSocket API bad: ");
    }

    @Test
    void routeKeyStartingWithDollarThatIsNotPredefinedIsRejected() {
        assertThatThrownBy(() -> WebSocketApiDefinition.of("chat", "Prod", Map.of("$other", "F")))
                .hasMessageStartingWith("route key: $other");
    }
}

package dev.regionless.gateway.internal.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.WebSocketApiDefinition;
import dev.regionless.gateway.internal.websocket.CompiledWebSocketApi.SelectedRoute;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledWebSocketApiTest {
    private final CompiledWebSocketApi chat = CompiledWebSocketApi.of(WebSocketApiDefinition.of(
            "chat", "Prod", Map.of("$connect", "OnConnect", "$default", "Fallback", "sendMessage", "Send")));
    private final CompiledWebSocketApi withoutDefault =
            CompiledWebSocketApi.of(WebSocketApiDefinition.of("bare", "Prod", Map.of("sendMessage", "Send")));

    @Test
    void messageGoesToTheCustomRouteItsActionNames() {
        assertThat(chat.route("{\"action\":\"sendMessage\"}")).contains(new SelectedRoute("sendMessage", "Send"));
    }

    @Test
    void unmatchedOrNonJsonMessageGoesToDefault() {
        assertThat(chat.route("{\"action\":\"other\"}")).contains(new SelectedRoute("$default", "Fallback"));
        assertThat(chat.route("plain text")).contains(new SelectedRoute("$default", "Fallback"));
    }

    @Test
    void actionNamingAPredefinedRouteIsNoCustomRoute() {
        assertThat(chat.route("{\"action\":\"$connect\"}")).contains(new SelectedRoute("$default", "Fallback"));
    }

    @Test
    void unmatchedMessageOfAnApiWithoutDefaultHasNoRoute() {
        assertThat(withoutDefault.route("{\"action\":\"other\"}")).isEmpty();
    }
}

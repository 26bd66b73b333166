package dev.regionless.gateway.internal.websocket;

import dev.regionless.gateway.WebSocketApiDefinition;
import dev.regionless.gateway.internal.auth.Guards;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One deployed set of WebSocket APIs, immutable and swapped whole on redeploy. Each API owns one stage path of the
 * WebSocket port, so a stage names its API.
 */
public final class WebSocketDeployment {
    private final List<WebSocketApiDefinition> definitions;
    private final Map<String, CompiledWebSocketApi> byStage;

    private WebSocketDeployment(List<WebSocketApiDefinition> definitions, Map<String, CompiledWebSocketApi> byStage) {
        this.definitions = List.copyOf(definitions);
        this.byStage = Map.copyOf(byStage);
    }

    /** Nothing deployed: every handshake is refused. */
    public static WebSocketDeployment empty() {
        return new WebSocketDeployment(List.of(), Map.of());
    }

    /**
     * Checks and compiles these APIs.
     *
     * @throws IllegalArgumentException when two APIs share an id or a stage, or an expression cannot be read
     */
    public static WebSocketDeployment of(List<WebSocketApiDefinition> apis) {
        return of(apis, null, Duration.ZERO);
    }

    /**
     * Checks and compiles these APIs, their {@code $connect} authorizers through {@code guards}.
     *
     * @throws IllegalArgumentException when two APIs share an id or a stage, or an API cannot be compiled
     */
    public static WebSocketDeployment of(List<WebSocketApiDefinition> apis, Guards guards, Duration timeout) {
        var byStage = new LinkedHashMap<String, CompiledWebSocketApi>();
        var ids = new java.util.HashSet<String>();
        for (var api : apis) {
            if (!ids.add(api.apiId())) {
                throw new IllegalArgumentException("apiId: " + api.apiId() + " (expected: each WebSocket API id once)");
            }
            var other = byStage.get(api.stage());
            if (other != null) {
                throw new IllegalArgumentException("stage: " + api.stage() + " is used by WebSocket APIs "
                        + other.apiId() + " and " + api.apiId()
                        + " (expected: one API per stage, since the stage is the API's path on the WebSocket port)");
            }
            byStage.put(api.stage(), CompiledWebSocketApi.of(api, guards, timeout));
        }
        return new WebSocketDeployment(apis, byStage);
    }

    public List<WebSocketApiDefinition> definitions() {
        return definitions;
    }

    /** The API served under this stage. */
    public Optional<CompiledWebSocketApi> byStage(String stage) {
        return Optional.ofNullable(byStage.get(stage));
    }

    /** The API a handshake path addresses: {@code /{stage}}, a trailing '/' allowed. */
    public Optional<CompiledWebSocketApi> byPath(String path) {
        if (path == null || !path.startsWith("/") || path.length() < 2) {
            return Optional.empty();
        }
        var stage = path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1);
        return stage.contains("/") ? Optional.empty() : byStage(stage);
    }
}

package dev.regionless.gateway.internal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.gateway.internal.Integration;
import dev.regionless.gateway.internal.Integration.Outcome;
import dev.regionless.gateway.internal.RequestIds;
import dev.regionless.gateway.internal.websocket.WebSocketEvents.EventIds;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What every route's call needs: fresh ids and the time for its event, and the Lambda proxy call itself within the
 * integration timeout. The function runs on the runtime's own virtual thread; nothing here blocks.
 */
public final class Invocations {
    private final Integration integration;
    private final RequestIds ids;
    private final Clock clock;
    private final Duration timeout;

    public Invocations(Integration integration, RequestIds ids, Clock clock, Duration timeout) {
        this.integration = integration;
        this.ids = ids;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Ids for an event that carries no message ({@code $connect}, {@code $disconnect}). */
    public EventIds idsWithoutMessage() {
        return new EventIds(ids.shortId(), null, clock.instant());
    }

    /** Ids for a message's event: its own {@code messageId} beside the request id. */
    public EventIds idsForMessage() {
        return new EventIds(ids.shortId(), ids.shortId(), clock.instant());
    }

    public Clock clock() {
        return clock;
    }

    /** Invokes the function with the event; completes when it answers or the integration timeout passes. */
    public CompletableFuture<Outcome> invoke(String functionName, ObjectNode event) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(new Outcome.Crashed(e));
        }
        return integration.invoke(functionName, bytes, timeout);
    }
}

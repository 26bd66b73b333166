package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.tables.TableStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each schedule stands, kept in the table store so that a restarted region neither fires again what it fired
 * nor forgets what came due while it was down (it fires that once, late, as EventBridge does after an outage).
 */
public final class ScheduleStates {
    private static final String PREFIX = "events/schedule/";

    private final TableStore store;

    public ScheduleStates(TableStore store) {
        this.store = requireNonNull(store, "store");
    }

    /**
     * A schedule's timing.
     *
     * @param expression the expression the timing belongs to; another expression starts afresh
     * @param anchor when the schedule began, from which rates count
     * @param next the next fire time, or {@code null} when it will not fire again
     */
    public record State(String expression, Instant anchor, Instant next) {
        public State {
            requireNonNull(expression, "expression");
            requireNonNull(anchor, "anchor");
        }
    }

    public Optional<State> load(String id) {
        return store.meta(PREFIX + id).map(ScheduleStates::decode);
    }

    public void save(String id, State state) {
        var node = Json.mapper().createObjectNode();
        node.put("expression", state.expression());
        node.put("anchor", state.anchor().toEpochMilli());
        if (state.next() != null) {
            node.put("next", state.next().toEpochMilli());
        }
        try {
            store.putMeta(PREFIX + id, Json.mapper().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void forget(String id) {
        store.deleteMeta(PREFIX + id);
    }

    private static State decode(byte[] bytes) {
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            return new State(
                    node.get("expression").textValue(),
                    Instant.ofEpochMilli(node.get("anchor").longValue()),
                    node.has("next") ? Instant.ofEpochMilli(node.get("next").longValue()) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

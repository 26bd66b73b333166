package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.tables.TableStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where each mapping stands in its stream, kept in the table store beside the stream itself, so that a restarted
 * region neither delivers everything again nor skips what was written while it was down. A position is saved
 * after the function has succeeded: a crash in between delivers that batch again, which Lambda's at-least-once
 * delivery allows.
 */
public final class StreamPositions {
    private static final String PREFIX = "events/stream-position/";

    private final TableStore store;

    public StreamPositions(TableStore store) {
        this.store = requireNonNull(store, "store");
    }

    /**
     * A mapping's position.
     *
     * @param streamArn the stream the position is in; a table's sequence numbers mean nothing in another stream
     * @param afterSequence every record up to this sequence number has been delivered
     */
    public record Position(String streamArn, long afterSequence) {
        public Position {
            requireNonNull(streamArn, "streamArn");
        }
    }

    public Optional<Position> load(String uuid) {
        return store.meta(PREFIX + uuid).map(StreamPositions::decode);
    }

    public void save(String uuid, Position position) {
        var node = Json.mapper().createObjectNode();
        node.put("streamArn", position.streamArn());
        node.put("afterSequence", position.afterSequence());
        try {
            store.putMeta(PREFIX + uuid, Json.mapper().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void forget(String uuid) {
        store.deleteMeta(PREFIX + uuid);
    }

    private static Position decode(byte[] bytes) {
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            return new Position(
                    node.get("streamArn").textValue(), node.get("afterSequence").longValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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

    /** Forgets the positions of every lane of a mapping read in {@code lanes} lanes. */
    public void forgetLanes(String uuid, int lanes) {
        for (int i = 0; i < lanes; i++) {
            forget(new Lane(i, lanes).positionKey(uuid));
        }
    }

    /**
     * Carries a mapping's position over when its number of lanes changes: records spread differently over the new
     * lanes, so each starts where the slowest old lane stood. Records some old lanes had already delivered are then
     * delivered again, which at-least-once delivery allows; none is skipped.
     */
    public void repartition(String uuid, int oldLanes, int newLanes) {
        var old = new java.util.ArrayList<Position>();
        for (int i = 0; i < oldLanes; i++) {
            load(new Lane(i, oldLanes).positionKey(uuid)).ifPresent(old::add);
        }
        forgetLanes(uuid, oldLanes);
        boolean oneStream = old.stream().map(Position::streamArn).distinct().count() == 1;
        if (old.size() != oldLanes || !oneStream) {
            return; // a lane had not started, or the stream changed meanwhile: start at the current stream's start
        }
        var slowest = old.stream()
                .min(java.util.Comparator.comparingLong(Position::afterSequence))
                .orElseThrow();
        for (int i = 0; i < newLanes; i++) {
            save(new Lane(i, newLanes).positionKey(uuid), slowest);
        }
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

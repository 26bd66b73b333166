package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.StreamErrors;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.streams.SequenceNumbers;
import dev.regionless.tables.streams.ShardIterator;
import dev.regionless.tables.streams.StreamShard;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * GetShardIterator: turns a starting point (the oldest held record, the newest, or a given sequence number) into
 * an iterator that records the position after which GetRecords reads.
 */
final class GetShardIterator {
    /** The service model's ShardIteratorType, in the model's order (the order its validation message lists). */
    private enum Type {
        TRIM_HORIZON,
        LATEST,
        AT_SEQUENCE_NUMBER,
        AFTER_SEQUENCE_NUMBER;

        static final List<String> NAMES =
                Arrays.stream(values()).map(Type::name).toList();

        boolean startsAtASequenceNumber() {
            return this == AT_SEQUENCE_NUMBER || this == AFTER_SEQUENCE_NUMBER;
        }
    }

    private final StreamLookup lookup;
    private final Clock clock;

    GetShardIterator(StreamLookup lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    ObjectNode answer(StreamsRequest request) {
        var streamArn = request.requiredString("StreamArn", 37, 1024);
        var shardId = request.requiredString("ShardId", 28, 65);
        var typeName = request.requiredEnum("ShardIteratorType", Type.NAMES);
        var sequenceText =
                request.optionalString("SequenceNumber", SequenceNumbers.MIN_LENGTH, SequenceNumbers.MAX_LENGTH);
        request.validate();
        var type = Type.valueOf(typeName);
        long sequence = startingSequence(type, sequenceText);

        var stream = lookup.require(streamArn);
        if (!stream.shardId().equals(shardId)) {
            throw StreamErrors.shardNotFound();
        }
        var shard = lookup.streams().shard(stream);
        long afterSequence = switch (type) {
            case TRIM_HORIZON -> shard.firstSequence() - 1;
            case LATEST -> shard.lastSequence();
            case AT_SEQUENCE_NUMBER -> requireInShard(shard, sequence) - 1;
            case AFTER_SEQUENCE_NUMBER -> requireInShard(shard, sequence);
        };
        var iterator = new ShardIterator(stream.arn(), shardId, afterSequence, clock.millis());
        return JsonNodeFactory.instance.objectNode().put("ShardIterator", iterator.encode());
    }

    /** The sequence number the type needs (0 for types that need none), refusing one where it means nothing. */
    private static long startingSequence(Type type, String sequenceText) {
        if (type.startsAtASequenceNumber() && sequenceText == null) {
            throw TableErrors.invalidParameter("SequenceNumber is required for ShardIteratorType " + type);
        }
        if (!type.startsAtASequenceNumber() && sequenceText != null) {
            throw TableErrors.invalidParameter("SequenceNumber cannot be used with ShardIteratorType " + type);
        }
        return sequenceText == null
                ? 0
                : SequenceNumbers.parse(sequenceText).orElseThrow(StreamErrors::invalidSequenceNumber);
    }

    /**
     * A sequence number from the shard's first to its end; an open shard has no end yet, so a later number waits
     * for its record. Below the first, a number whose record retention dropped is trimmed data; one still held
     * belongs to the table's earlier stream.
     */
    private static long requireInShard(StreamShard shard, long sequence) {
        if (sequence < shard.firstSequence()) {
            throw sequence < shard.lowestHeld() ? StreamErrors.trimmed() : StreamErrors.sequenceNumberOutsideShard();
        }
        if (shard.endingSequence().isPresent()
                && sequence > shard.endingSequence().getAsLong()) {
            throw StreamErrors.sequenceNumberOutsideShard();
        }
        return sequence;
    }
}

package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.streams.SequenceNumbers;
import dev.regionless.tables.streams.StreamShard;
import dev.regionless.tables.streams.TableStream;
import java.math.BigDecimal;

/**
 * DescribeStream: a stream's status, view type, table key schema and its one shard with the shard's sequence
 * number range (with an ending number once the stream is disabled and the shard closed).
 */
final class DescribeStream {
    private static final int MAX_LIMIT = 100;

    private final StreamLookup lookup;

    DescribeStream(StreamLookup lookup) {
        this.lookup = lookup;
    }

    ObjectNode answer(StreamsRequest request) {
        var streamArn = request.requiredString("StreamArn", 37, 1024);
        var limit = request.positiveInteger("Limit");
        var exclusiveStartShardId = request.optionalString("ExclusiveStartShardId", 28, 65);
        request.validate();
        if (limit != null && limit > MAX_LIMIT) {
            throw TableErrors.invalidParameter("Limit cannot be greater than the maximum: " + MAX_LIMIT);
        }
        var stream = lookup.require(streamArn);
        var shard = lookup.streams().shard(stream);

        var answer = JsonNodeFactory.instance.objectNode();
        var description = answer.putObject("StreamDescription");
        description.put("StreamArn", stream.arn());
        description.put("StreamLabel", stream.label());
        description.put("StreamStatus", stream.status());
        description.put("StreamViewType", stream.viewType().name());
        description.put("CreationRequestDateTime", BigDecimal.valueOf(stream.createdAtMillis(), 3));
        description.put("TableName", stream.tableName());
        writeKeySchema(description, stream);
        var shards = description.putArray("Shards");
        // Shard ids are listed in their lexical order; a page starts after the given id, whether or not it exists.
        if (exclusiveStartShardId == null || shard.shardId().compareTo(exclusiveStartShardId) > 0) {
            writeShard(shards.addObject(), shard);
        }
        return answer;
    }

    private static void writeKeySchema(ObjectNode description, TableStream stream) {
        var keySchema = stream.table().definition().keySchema();
        var elements = description.putArray("KeySchema");
        var hash = elements.addObject();
        hash.put("AttributeName", keySchema.partitionKey().name());
        hash.put("KeyType", "HASH");
        keySchema.sort().ifPresent(sortKey -> {
            var range = elements.addObject();
            range.put("AttributeName", sortKey.name());
            range.put("KeyType", "RANGE");
        });
    }

    private static void writeShard(ObjectNode node, StreamShard shard) {
        node.put("ShardId", shard.shardId());
        var range = node.putObject("SequenceNumberRange");
        range.put("StartingSequenceNumber", SequenceNumbers.format(shard.firstSequence()));
        shard.endingSequence().ifPresent(ending -> range.put("EndingSequenceNumber", SequenceNumbers.format(ending)));
    }
}

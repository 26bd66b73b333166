package dev.regionless.tables.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.StreamErrors;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.streams.TableStreams;
import java.time.Clock;

/**
 * The DynamoDB Streams API ({@code DynamoDBStreams_20120810}) over a region's table store: ListStreams,
 * DescribeStream, GetShardIterator and GetRecords, each answering a request body with a response body in the
 * service's JSON. The HTTP side (target header, parsing, checksums, error rendering) is the caller's.
 *
 * <p>Every table has at most one stream with one shard. Shard iterators carry their own position and issue time,
 * so the API keeps no state between calls; {@code clock} decides when they expire (15 minutes).
 */
public final class StreamsApi {
    private final ListStreams listStreams;
    private final DescribeStream describeStream;
    private final GetShardIterator getShardIterator;
    private final GetRecords getRecords;

    public StreamsApi(TableStore store, Clock clock) {
        requireNonNull(store, "store");
        requireNonNull(clock, "clock");
        var streams = new TableStreams(store);
        var lookup = new StreamLookup(streams);
        listStreams = new ListStreams(streams);
        describeStream = new DescribeStream(lookup);
        getShardIterator = new GetShardIterator(lookup, clock);
        getRecords = new GetRecords(lookup, new StreamRecords(store.region()), clock);
    }

    /** Answers one operation's request body; throws AwsException for errors (unknown operation included). */
    public ObjectNode handle(String operation, JsonNode request) {
        requireNonNull(operation, "operation");
        requireNonNull(request, "request");
        return switch (operation) {
            case "ListStreams" -> listStreams.answer(StreamsRequest.of(request));
            case "DescribeStream" -> describeStream.answer(StreamsRequest.of(request));
            case "GetShardIterator" -> getShardIterator.answer(StreamsRequest.of(request));
            case "GetRecords" -> getRecords.answer(StreamsRequest.of(request));
            default -> throw StreamErrors.unknownOperation();
        };
    }
}

package dev.regionless.tables.protocol;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.common.MutableClock;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.catalog.Throughput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * A table store in a temporary folder with a clock that moves only when told, and the Streams API over it: the
 * setting every Streams test starts from. Tables have a string partition key {@code pk} and a number sort key
 * {@code sk}.
 */
final class StreamsFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final TableStore store;
    final StreamsApi api;

    StreamsFixture(Path folder) {
        store = TableStore.open(folder, "eu-west-2", "000000000000", clock);
        api = new StreamsApi(store, clock);
    }

    @Override
    public void close() {
        store.close();
    }

    /** Creates a table whose stream shows {@code view}, or that has no stream if {@code view} is null. */
    TableState createTable(String name, StreamViewType view) {
        return store.createTable(new TableDefinition(
                name,
                new KeySchema(new KeyElement("pk", ScalarAttributeType.S), new KeyElement("sk", ScalarAttributeType.N)),
                Map.of("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N),
                BillingMode.PAY_PER_REQUEST,
                Throughput.ON_DEMAND,
                List.of(),
                view == null ? StreamSpecification.DISABLED : new StreamSpecification(true, view),
                false));
    }

    /** Turns the table's stream off (view null) or on with a new view type. */
    void setStream(String table, StreamViewType view) {
        var spec = view == null ? StreamSpecification.DISABLED : new StreamSpecification(true, view);
        store.updateTable(
                table, state -> state.withDefinition(state.definition().withStream(spec)));
    }

    void put(String table, Item item) {
        store.writeItem(table, keyOf(item), current -> Optional.of(item));
    }

    void delete(String table, Item key) {
        store.writeItem(table, key, current -> Optional.empty());
    }

    static Item keyOf(Item item) {
        return Item.of(
                Map.of("pk", item.get("pk").orElseThrow(), "sk", item.get("sk").orElseThrow()));
    }

    String streamArn(String table) {
        return store.requireTable(table).streamArn();
    }

    ObjectNode call(String operation, ObjectNode request) {
        return api.handle(operation, request);
    }

    /** The error an operation answers. */
    AbstractThrowableAssert<?, ? extends Throwable> failure(String operation, JsonNode request) {
        return assertThatThrownBy(() -> api.handle(operation, request)).isInstanceOf(AwsException.class);
    }

    ObjectNode describe(String streamArn) {
        return (ObjectNode)
                call("DescribeStream", request("StreamArn", streamArn)).get("StreamDescription");
    }

    String shardId(String streamArn) {
        return describe(streamArn).get("Shards").get(0).get("ShardId").textValue();
    }

    String iterator(String streamArn, String type) {
        return iterator(request("StreamArn", streamArn, "ShardId", shardId(streamArn), "ShardIteratorType", type));
    }

    String iterator(String streamArn, String type, String sequenceNumber) {
        return iterator(request(
                "StreamArn",
                streamArn,
                "ShardId",
                shardId(streamArn),
                "ShardIteratorType",
                type,
                "SequenceNumber",
                sequenceNumber));
    }

    private String iterator(ObjectNode request) {
        return call("GetShardIterator", request).get("ShardIterator").textValue();
    }

    ObjectNode records(String iterator) {
        return call("GetRecords", request("ShardIterator", iterator));
    }

    /** The sequence numbers of the records a GetRecords answer holds. */
    static List<String> sequenceNumbers(JsonNode answer) {
        return answer.get("Records")
                .valueStream()
                .map(record -> record.get("dynamodb").get("SequenceNumber").textValue())
                .toList();
    }

    /** A request body from alternating member names and values (strings or integers). */
    static ObjectNode request(Object... namesAndValues) {
        var node = Json.mapper().createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            var name = (String) namesAndValues[i];
            switch (namesAndValues[i + 1]) {
                case String text -> node.put(name, text);
                case Integer number -> node.put(name, number);
                default -> throw new IllegalArgumentException("unsupported value " + namesAndValues[i + 1]);
            }
        }
        return node;
    }

    /** Parses JSON, normalising numbers so that trees built in code and parsed from text compare equal. */
    static JsonNode json(Object jsonOrNode) {
        try {
            var text = jsonOrNode instanceof String s ? s : Json.mapper().writeValueAsString(jsonOrNode);
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

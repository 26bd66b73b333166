package dev.regionless.events;

import dev.regionless.common.MutableClock;
import dev.regionless.tables.AttributeValue;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table store in a temporary folder, on a clock that moves only when told, with tables keyed by a string
 * {@code id}: the setting the event source tests start from. It can be closed and opened again, like a region that
 * restarts.
 */
public final class StreamTables implements AutoCloseable {
    public static final String REGION = "eu-west-2";

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final Path folder;
    public TableStore store;

    public StreamTables(Path folder) {
        this.folder = folder;
        this.store = open();
    }

    private TableStore open() {
        return TableStore.open(folder, REGION, "000000000000", clock);
    }

    /** Closes the store and opens it again from its folder. */
    public void reopen() {
        store.close();
        store = open();
    }

    @Override
    public void close() {
        store.close();
    }

    public TableState createTable(String name, StreamViewType view) {
        return store.createTable(new TableDefinition(
                name,
                new KeySchema(new KeyElement("id", ScalarAttributeType.S), null),
                Map.of("id", ScalarAttributeType.S),
                BillingMode.PAY_PER_REQUEST,
                Throughput.ON_DEMAND,
                List.of(),
                new StreamSpecification(true, view),
                false));
    }

    /** Writes {@code {id: S, text: S}}. */
    public void put(String table, String id, String text) {
        var item = Item.of(Map.of("id", new AttributeValue.S(id), "text", new AttributeValue.S(text)));
        store.writeItem(table, key(id), current -> Optional.of(item));
    }

    public void put(String table, Item item) {
        store.writeItem(table, key(item.get("id").orElseThrow()), current -> Optional.of(item));
    }

    public void delete(String table, String id) {
        store.writeItem(table, key(id), current -> Optional.empty());
    }

    public static Item key(String id) {
        return key(new AttributeValue.S(id));
    }

    private static Item key(AttributeValue id) {
        return Item.of(Map.of("id", id));
    }
}

package dev.regionless.tables.engine;

import dev.regionless.common.Json;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.storage.StorageException;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How a table's catalog entry is stored (JSON), and the stream label DynamoDB derives from a time. */
final class CatalogEntries {
    private static final DateTimeFormatter STREAM_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private CatalogEntries() {}

    static byte[] encode(TableState state) {
        try {
            return Json.mapper().writeValueAsBytes(state);
        } catch (IOException e) {
            throw new IllegalStateException("table state cannot be written as JSON", e);
        }
    }

    static TableState decode(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, TableState.class);
        } catch (IOException e) {
            throw new StorageException("corrupt catalog entry: " + e.getMessage(), e);
        }
    }

    static String streamLabel(long millis) {
        return LocalDateTime.ofEpochSecond(millis / 1000, (int) (millis % 1000) * 1_000_000, ZoneOffset.UTC)
                .format(STREAM_LABEL);
    }
}

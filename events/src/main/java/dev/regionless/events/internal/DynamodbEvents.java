package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.regionless.common.Json;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.protocol.StreamRecords;
import dev.regionless.tables.streams.TableStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Lambda's DynamoDB events, {@code {"Records":[...]}}, from a stream's change records. Each record is
 * written by the tables module's {@link StreamRecords}, the code that answers GetRecords, so a function sees
 * exactly what a stream reader sees.
 */
public final class DynamodbEvents {
    /** Lambda's limit on a synchronous invocation's payload, which also bounds a stream batch. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private static final byte[] HEAD = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    private final StreamRecords streamRecords;
    private final int maxPayloadBytes;

    public DynamodbEvents(String region) {
        this(region, MAX_PAYLOAD_BYTES);
    }

    DynamodbEvents(String region, int maxPayloadBytes) {
        this.streamRecords = new StreamRecords(requireNonNull(region, "region"));
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * The event for the longest run of {@code records}, from the first, that fits the payload limit; always at
     * least the first record, since one DynamoDB item (400 KB) cannot exceed it.
     */
    public EventBatch batch(TableStream stream, List<ChangeRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("records: [] (expected: at least one)");
        }
        var included = new ArrayList<ChangeRecord>();
        var payload = new ByteArrayOutputStream();
        payload.writeBytes(HEAD);
        for (var record : records) {
            byte[] json = write(stream, record);
            int separator = included.isEmpty() ? 0 : 1;
            if (!included.isEmpty() && payload.size() + separator + json.length + TAIL.length > maxPayloadBytes) {
                break;
            }
            if (separator == 1) {
                payload.write(',');
            }
            payload.writeBytes(json);
            included.add(record);
        }
        payload.writeBytes(TAIL);
        return new EventBatch(included, payload.toByteArray());
    }

    private byte[] write(TableStream stream, ChangeRecord record) {
        try {
            return Json.mapper().writeValueAsBytes(streamRecords.writeForLambda(stream, record));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

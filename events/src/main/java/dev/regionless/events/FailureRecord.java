package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.tables.streams.SequenceNumbers;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The description of a batch that a stream mapping discarded, as Lambda sends it to an on-failure destination: which
 * invocation gave up and why, and where the records are in the stream (not the records themselves, which a reader
 * can fetch from the stream while they are retained).
 *
 * @param requestId the request id of the last invocation with these records, or empty if none was made
 * @param functionArn the mapping's function
 * @param condition {@link #RETRY_ATTEMPTS_EXHAUSTED} or {@link #RECORD_AGE_EXCEEDED}
 * @param approximateInvokeCount how often the function was invoked with these records
 * @param response how the last invocation ended, or {@code null} when the records were never sent
 * @param timestamp when the batch was discarded
 * @param batch where the records are
 */
public record FailureRecord(
        String requestId,
        String functionArn,
        String condition,
        int approximateInvokeCount,
        Response response,
        Instant timestamp,
        StreamBatchInfo batch) {
    /** The function kept failing until the mapping's {@code MaximumRetryAttempts} were used up. */
    public static final String RETRY_ATTEMPTS_EXHAUSTED = "RetryAttemptsExhausted";
    /** The records passed the mapping's {@code MaximumRecordAgeInSeconds}, or the stream's retention. */
    public static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    public FailureRecord {
        requireNonNull(requestId, "requestId");
        requireNonNull(functionArn, "functionArn");
        requireNonNull(condition, "condition");
        requireNonNull(timestamp, "timestamp");
        requireNonNull(batch, "batch");
    }

    /**
     * How an invocation ended, as the record's {@code responseContext} says it.
     *
     * @param statusCode the Invoke API's status: 200 also for a function error, 429 for a throttle
     * @param functionError {@code Unhandled} for a function error or timeout, or {@code null}
     */
    public record Response(int statusCode, String functionError) {}

    /**
     * Lambda's {@code DDBStreamBatchInfo}: the discarded records' place in the stream.
     *
     * @param shardId the stream's shard
     * @param startSequence the first discarded record's sequence number
     * @param endSequence the last one's
     * @param firstArrival when the first record was written to the stream
     * @param lastArrival when the last one was
     * @param batchSize how many records were discarded
     * @param streamArn the stream
     */
    public record StreamBatchInfo(
            String shardId,
            long startSequence,
            long endSequence,
            Instant firstArrival,
            Instant lastArrival,
            int batchSize,
            String streamArn) {
        public StreamBatchInfo {
            requireNonNull(shardId, "shardId");
            requireNonNull(firstArrival, "firstArrival");
            requireNonNull(lastArrival, "lastArrival");
            requireNonNull(streamArn, "streamArn");
        }
    }

    /** The JSON document Lambda sends to the destination. */
    public ObjectNode toJson() {
        var node = Json.mapper().createObjectNode();
        var request = node.putObject("requestContext");
        request.put("requestId", requestId);
        request.put("functionArn", functionArn);
        request.put("condition", condition);
        request.put("approximateInvokeCount", approximateInvokeCount);
        if (response != null) {
            var context = node.putObject("responseContext");
            context.put("statusCode", response.statusCode());
            context.put("executedVersion", "$LATEST");
            if (response.functionError() != null) {
                context.put("functionError", response.functionError());
            }
        }
        node.put("version", "1.0");
        node.put("timestamp", MILLIS.format(timestamp));
        var info = node.putObject("DDBStreamBatchInfo");
        info.put("shardId", batch.shardId());
        info.put("startSequenceNumber", SequenceNumbers.format(batch.startSequence()));
        info.put("endSequenceNumber", SequenceNumbers.format(batch.endSequence()));
        info.put("approximateArrivalOfFirstRecord", SECONDS.format(batch.firstArrival()));
        info.put("approximateArrivalOfLastRecord", SECONDS.format(batch.lastArrival()));
        info.put("batchSize", batch.batchSize());
        info.put("streamArn", batch.streamArn());
        return node;
    }

    /** {@link #toJson()} as UTF-8 bytes, the payload a function destination is invoked with. */
    public byte[] toJsonBytes() {
        try {
            return Json.mapper().writeValueAsBytes(toJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

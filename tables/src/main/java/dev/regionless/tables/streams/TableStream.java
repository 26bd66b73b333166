package dev.regionless.tables.streams;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import dev.regionless.tables.catalog.TableState;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A table's stream: the current one while the stream is enabled, or the last one, closed, after it was disabled.
 * The catalog keeps only the latest stream label, so a stream replaced by re-enabling is gone.
 *
 * @param table the table as the catalog holds it now
 * @param label the stream label, the time the stream was created ({@code yyyy-MM-dd'T'HH:mm:ss.SSS}, UTC)
 */
public record TableStream(TableState table, String label) {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    /** {@code arn:<partition>:dynamodb:<region>:<account>:table/<name>/stream/<label>}. */
    private static final Pattern ARN =
            Pattern.compile("arn:[a-z-]+:dynamodb:[a-z0-9-]*:[0-9]*:table/([a-zA-Z0-9_.-]{3,255})/stream/[^/]+");

    public TableStream {
        requireNonNull(table, "table");
        requireNonNull(label, "label");
    }

    /** The table's stream, if it ever had one. */
    public static Optional<TableStream> of(TableState table) {
        return Optional.ofNullable(table.streamLabel()).map(label -> new TableStream(table, label));
    }

    /** The name of the table a stream ARN belongs to, or empty if the text is not a stream ARN. */
    public static Optional<String> tableNameIn(String streamArn) {
        var matcher = ARN.matcher(streamArn);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public String arn() {
        return table.arn() + "/stream/" + label;
    }

    public String tableName() {
        return table.name();
    }

    /** False once the table's stream has been disabled: its one shard is then closed. */
    public boolean enabled() {
        return table.definition().stream().enabled();
    }

    /** ENABLED or DISABLED; streams are enabled and disabled at once, so ENABLING and DISABLING never show. */
    public String status() {
        return enabled() ? "ENABLED" : "DISABLED";
    }

    /**
     * What the stream's records show of each item. The catalog forgets a stream's view type when the stream is
     * disabled, so a disabled stream shows what every view type shows: the keys.
     */
    public StreamViewType viewType() {
        return enabled() ? table.definition().stream().viewType() : StreamViewType.KEYS_ONLY;
    }

    /** When the stream was created, epoch milliseconds, read from its label. */
    public long createdAtMillis() {
        try {
            return LocalDateTime.parse(label, LABEL).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("stream label " + label + " is not a time", e);
        }
    }

    /**
     * The id of the stream's one shard, in AWS's form {@code shardId-<20 digits>-<8 hex digits>}: the creation
     * time, then a checksum of the ARN so that streams created in the same millisecond differ.
     */
    public String shardId() {
        var checksum = new CRC32();
        checksum.update(arn().getBytes(StandardCharsets.UTF_8));
        return String.format("shardId-%020d-%08x", createdAtMillis(), checksum.getValue());
    }
}

package dev.regionless.tables.streams;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in a stream's shard, handed to clients as an opaque string. Everything GetRecords needs travels in
 * the string itself, so the service keeps no per-iterator state and iterators survive a restart.
 *
 * @param streamArn the stream the iterator reads
 * @param shardId the shard the iterator reads
 * @param afterSequence the sequence number of the last record already read: reading resumes after it
 * @param issuedAtMillis when the iterator was handed out, epoch milliseconds; iterators expire after 15 minutes
 */
public record ShardIterator(String streamArn, String shardId, long afterSequence, long issuedAtMillis) {
    private static final String VERSION = "1";
    private static final String SEPARATOR = "|";

    public ShardIterator {
        requireNonNull(streamArn, "streamArn");
        requireNonNull(shardId, "shardId");
        if (streamArn.contains(SEPARATOR) || shardId.contains(SEPARATOR)) {
            throw new IllegalArgumentException("stream ARNs and shard ids never contain " + SEPARATOR);
        }
    }

    /** The opaque form handed to clients. */
    public String encode() {
        var text = String.join(
                SEPARATOR, VERSION, streamArn, shardId, Long.toString(afterSequence), Long.toString(issuedAtMillis));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The iterator an opaque string stands for, or empty if this service did not issue it. */
    public static Optional<ShardIterator> decode(String encoded) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var parts = text.split("\\" + SEPARATOR, -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new ShardIterator(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

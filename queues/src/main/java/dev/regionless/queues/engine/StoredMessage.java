package dev.regionless.queues.engine;

import dev.regionless.queues.MessageAttribute;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message as stored once when it is sent (or moved): everything but what changes as it is received.
 *
 * @param messageId the id answered to the sender; kept when the message moves to a dead-letter queue and back
 * @param body the body
 * @param attributes the message attributes
 * @param traceHeader {@code AWSTraceHeader}, or {@code null}
 * @param sentTimestamp when it was first sent, milliseconds since the epoch
 * @param enqueuedTimestamp when it entered this queue: its retention period counts from here
 * @param groupId {@code MessageGroupId}, or {@code null}
 * @param deduplicationId {@code MessageDeduplicationId} (given or computed), or {@code null}
 * @param sequenceNumber the FIFO sequence number, or {@code null}
 * @param deadLetterSourceArn the queue it was dead-lettered from, or {@code null}
 */
record StoredMessage(
        String messageId,
        String body,
        Map<String, MessageAttribute> attributes,
        String traceHeader,
        long sentTimestamp,
        long enqueuedTimestamp,
        String groupId,
        String deduplicationId,
        String sequenceNumber,
        String deadLetterSourceArn) {

    private static final int VERSION = 1;

    /** This message entering another queue at {@code now}: a dead-letter queue, or back from one. */
    StoredMessage movedTo(String sourceArn, long now, String newSequenceNumber, boolean keepEnqueued) {
        return new StoredMessage(
                messageId,
                body,
                attributes,
                traceHeader,
                sentTimestamp,
                keepEnqueued ? enqueuedTimestamp : now,
                groupId,
                deduplicationId,
                newSequenceNumber,
                sourceArn);
    }

    byte[] encode() {
        var bytes = new ByteArrayOutputStream(body.length() + 128);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, messageId);
            var bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bodyBytes.length);
            out.write(bodyBytes);
            out.writeShort(attributes.size());
            for (var entry : attributes.entrySet()) {
                writeString(out, entry.getKey());
                var attribute = entry.getValue();
                writeString(out, attribute.dataType());
                writeString(out, attribute.stringValue());
                var binary = attribute.binaryValue();
                out.writeInt(binary == null ? -1 : binary.length);
                if (binary != null) {
                    out.write(binary);
                }
            }
            writeString(out, traceHeader);
            out.writeLong(sentTimestamp);
            out.writeLong(enqueuedTimestamp);
            writeString(out, groupId);
            writeString(out, deduplicationId);
            writeString(out, sequenceNumber);
            writeString(out, deadLetterSourceArn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredMessage decode(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown stored message version " + version);
            }
            var messageId = readString(in);
            var body = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            int count = in.readShort();
            var attributes = new LinkedHashMap<String, MessageAttribute>();
            for (int i = 0; i < count; i++) {
                var name = readString(in);
                var dataType = readString(in);
                var string = readString(in);
                int length = in.readInt();
                var binary = length < 0 ? null : in.readNBytes(length);
                attributes.put(name, new MessageAttribute(dataType, string, binary));
            }
            return new StoredMessage(
                    messageId,
                    body,
                    attributes,
                    readString(in),
                    in.readLong(),
                    in.readLong(),
                    readString(in),
                    readString(in),
                    readString(in),
                    readString(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}

package dev.regionless.queues.engine;

import dev.regionless.queues.MessageAttribute;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 checksums SQS answers and the AWS SDKs verify: of the body's UTF-8 bytes, and of the message attributes in
 * SQS's encoding — attributes sorted by name, each as its name, its data type, a transport byte (1 for strings and
 * numbers, 2 for binary) and its value, every string and value preceded by its length as a 4-byte big-endian integer.
 */
public final class MessageChecksums {
    private static final byte STRING_TRANSPORT = 1;
    private static final byte BINARY_TRANSPORT = 2;

    private MessageChecksums() {}

    public static String ofBody(String body) {
        return hex(md5(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The attributes' checksum, or {@code null} when there are none (SQS then omits the field). */
    public static String ofAttributes(Map<String, MessageAttribute> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        var out = new ByteArrayOutputStream();
        new TreeMap<>(attributes).forEach((name, attribute) -> {
            lengthPrefixed(out, name.getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(out, attribute.dataType().getBytes(StandardCharsets.UTF_8));
            if (attribute.isBinary()) {
                out.write(BINARY_TRANSPORT);
                lengthPrefixed(out, attribute.binaryValue());
            } else {
                out.write(STRING_TRANSPORT);
                lengthPrefixed(out, attribute.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        });
        return hex(md5(out.toByteArray()));
    }

    /** The checksum of the {@code AWSTraceHeader} system attribute, encoded as a String message attribute. */
    public static String ofTraceHeader(String traceHeader) {
        return traceHeader == null
                ? null
                : ofAttributes(Map.of("AWSTraceHeader", MessageAttribute.string(traceHeader)));
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

package dev.regionless.gateway.internal.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decoding of percent-encoded URL parts, as API Gateway does before handing parameters to a function. Malformed
 * escapes are kept as they are instead of failing the request.
 */
public final class PercentDecoding {

    private PercentDecoding() {}

    /** Decodes a path segment: {@code %XX} escapes only; a '+' stays a '+'. */
    public static String decodePath(String raw) {
        return decode(raw, false);
    }

    /** Decodes a query string name or value: {@code %XX} escapes, and '+' as a space. */
    public static String decodeQuery(String raw) {
        return decode(raw, true);
    }

    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
                i++;
            } else {
                // Copy the run up to the next escape whole, so characters outside the BMP stay intact.
                int end = i + 1;
                while (end < raw.length() && raw.charAt(end) != '%' && raw.charAt(end) != '+') {
                    end++;
                }
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int index) {
        return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
    }
}

package dev.regionless.tables.engine;

import dev.regionless.tables.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Encodes key attribute values (S, N, B) as bytes whose unsigned byte order is DynamoDB's order for the type, and
 * which end unambiguously, so that several of them can follow one another in a RocksDB key and a range of keys is
 * a range of bytes.
 *
 * <p>Each encoded value is escaped ({@code 0x00} becomes {@code 0x00 0xFF}) and ends with {@code 0x00 0x01}; both
 * keep the order of the unescaped bytes. Strings are their UTF-8 bytes and binaries their own bytes, which is how
 * DynamoDB orders them. Numbers are a sign byte, then for non-zero numbers the decimal exponent and the digits,
 * inverted for negative numbers so that larger magnitudes sort first.
 */
public final class KeyEncoding {
    private static final int NEGATIVE = 0x01;
    private static final int ZERO = 0x02;
    private static final int POSITIVE = 0x03;
    /** Follows a negative number's inverted digits, sorting above every inverted digit, so -0.12 > -0.123. */
    private static final int NEGATIVE_END = 0xFE;

    private KeyEncoding() {}

    /** Appends the encoding of a key value; values of other types are not keys. */
    public static void append(ByteArrayOutputStream out, AttributeValue value) {
        byte[] raw = switch (value) {
            case AttributeValue.S s -> s.value().getBytes(StandardCharsets.UTF_8);
            case AttributeValue.B b -> b.value().toArray();
            case AttributeValue.N n -> number(n.value());
            default -> throw new IllegalArgumentException("not a key type: " + value.typeName());
        };
        for (byte b : raw) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0x00);
        out.write(0x01);
    }

    /** The encoding of one key value on its own. */
    public static byte[] encode(AttributeValue value) {
        var out = new ByteArrayOutputStream();
        append(out, value);
        return out.toByteArray();
    }

    /** Reads back the encoded value starting at {@code offset}; see {@link Decoded#end()} for where it stops. */
    public static Decoded decode(byte[] key, int offset, char type) {
        var raw = new ByteArrayOutputStream();
        int i = offset;
        while (true) {
            byte b = key[i++];
            if (b != 0) {
                raw.write(b);
                continue;
            }
            byte next = key[i++];
            if (next == (byte) 0xFF) {
                raw.write(0);
            } else {
                break;
            }
        }
        byte[] bytes = raw.toByteArray();
        AttributeValue value = switch (type) {
            case 'S' -> new AttributeValue.S(new String(bytes, StandardCharsets.UTF_8));
            case 'B' -> new AttributeValue.B(dev.regionless.tables.Bytes.of(bytes));
            case 'N' -> new AttributeValue.N(decodeNumber(bytes));
            default -> throw new IllegalArgumentException("not a key type: " + type);
        };
        return new Decoded(value, i);
    }

    /** A decoded key value and the offset just past its encoding. */
    public record Decoded(AttributeValue value, int end) {}

    private static byte[] number(BigDecimal value) {
        int sign = value.signum();
        if (sign == 0) {
            return new byte[] {ZERO};
        }
        var digits = value.unscaledValue().abs().toString().replaceFirst("0+$", "");
        // value = 0.d1d2d3... x 10^exponent
        int exponent = value.precision() - value.scale();
        var out = new ByteArrayOutputStream();
        out.write(sign > 0 ? POSITIVE : NEGATIVE);
        int biased = exponent + 0x8000;
        writeMaybeInverted(out, biased >>> 8, sign < 0);
        writeMaybeInverted(out, biased & 0xFF, sign < 0);
        for (int i = 0; i < digits.length(); i++) {
            writeMaybeInverted(out, digits.charAt(i), sign < 0);
        }
        if (sign < 0) {
            out.write(NEGATIVE_END);
        }
        return out.toByteArray();
    }

    private static void writeMaybeInverted(ByteArrayOutputStream out, int b, boolean invert) {
        out.write(invert ? 0xFF - b : b);
    }

    private static BigDecimal decodeNumber(byte[] bytes) {
        int sign = bytes[0];
        if (sign == ZERO) {
            return BigDecimal.ZERO;
        }
        boolean negative = sign == NEGATIVE;
        int end = negative ? bytes.length - 1 : bytes.length;
        int high = plain(bytes[1], negative);
        int low = plain(bytes[2], negative);
        int exponent = ((high << 8) | low) - 0x8000;
        var digits = new StringBuilder();
        for (int i = 3; i < end; i++) {
            digits.append((char) plain(bytes[i], negative));
        }
        var magnitude = new BigDecimal(new java.math.BigInteger(digits.toString()), digits.length() - exponent);
        return negative ? magnitude.negate() : magnitude;
    }

    private static int plain(byte b, boolean inverted) {
        int unsigned = b & 0xFF;
        return inverted ? 0xFF - unsigned : unsigned;
    }
}

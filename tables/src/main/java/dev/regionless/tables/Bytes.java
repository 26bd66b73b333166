package dev.regionless.tables;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable byte string with value equality, the payload of a DynamoDB binary ({@code B}) value.
 *
 * <p>Ordering is unsigned byte by byte, which is how DynamoDB compares binary values in conditions and sort keys.
 */
public final class Bytes implements Comparable<Bytes> {
    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of the given bytes; later changes to the array do not reach the value. */
    public static Bytes of(byte[] data) {
        return new Bytes(requireNonNull(data, "data").clone());
    }

    /** The bytes of a base64 text, as DynamoDB JSON carries them. */
    public static Bytes fromBase64(String base64) {
        return new Bytes(Base64.getDecoder().decode(requireNonNull(base64, "base64")));
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return data.clone();
    }

    /** The number of bytes. */
    public int length() {
        return data.length;
    }

    /** The byte at the given position. */
    public byte at(int index) {
        return data[index];
    }

    /** True if these bytes start with the given ones. */
    public boolean startsWith(Bytes prefix) {
        return prefix.data.length <= data.length
                && Arrays.equals(data, 0, prefix.data.length, prefix.data, 0, prefix.data.length);
    }

    /** True if the given bytes occur somewhere in these, contiguously. */
    public boolean contains(Bytes part) {
        for (int start = 0; start + part.data.length <= data.length; start++) {
            if (Arrays.equals(data, start, start + part.data.length, part.data, 0, part.data.length)) {
                return true;
            }
        }
        return false;
    }

    /** The base64 text of these bytes. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(data);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes bytes && Arrays.equals(data, bytes.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}

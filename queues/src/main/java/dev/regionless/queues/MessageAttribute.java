package dev.regionless.queues;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One message attribute as SQS carries it: a data type ({@code String}, {@code Number} or {@code Binary}, optionally
 * with a custom suffix such as {@code Number.int}) and a string or a binary value.
 *
 * @param dataType the data type as the sender wrote it
 * @param stringValue the value of a {@code String} or {@code Number} attribute, else {@code null}
 * @param binaryValue the value of a {@code Binary} attribute, else {@code null}
 */
public record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {
    public MessageAttribute {
        requireNonNull(dataType, "dataType");
        binaryValue = binaryValue == null ? null : binaryValue.clone();
    }

    public static MessageAttribute string(String value) {
        return new MessageAttribute("String", value, null);
    }

    public static MessageAttribute number(String value) {
        return new MessageAttribute("Number", value, null);
    }

    public static MessageAttribute binary(byte[] value) {
        return new MessageAttribute("Binary", null, value);
    }

    /** Whether the data type is {@code Binary} (or a custom {@code Binary.x}); its value is then {@link #binaryValue}. */
    public boolean isBinary() {
        return baseType().equals("Binary");
    }

    /** {@code String}, {@code Number} or {@code Binary}: the data type without its custom suffix. */
    public String baseType() {
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    @Override
    public byte[] binaryValue() {
        return binaryValue == null ? null : binaryValue.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageAttribute that
                && dataType.equals(that.dataType)
                && java.util.Objects.equals(stringValue, that.stringValue)
                && Arrays.equals(binaryValue, that.binaryValue);
    }

    @Override
    public int hashCode() {
        return dataType.hashCode() * 31 + java.util.Objects.hashCode(stringValue) * 17 + Arrays.hashCode(binaryValue);
    }

    @Override
    public String toString() {
        return dataType + "=" + (isBinary() ? binaryValue.length + " bytes" : stringValue);
    }
}

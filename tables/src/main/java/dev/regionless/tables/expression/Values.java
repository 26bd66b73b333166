package dev.regionless.tables.expression;

import dev.regionless.tables.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

/** DynamoDB's ordering of values: only two strings, two numbers or two binaries compare; anything else does not. */
final class Values {
    private Values() {}

    /**
     * Compares two values of the same scalar type: strings by their UTF-8 bytes, numbers numerically, binaries
     * by unsigned bytes. Empty when the two cannot be ordered.
     */
    static OptionalInt compare(AttributeValue left, AttributeValue right) {
        return switch (left) {
            case AttributeValue.S(var l)
            when right instanceof AttributeValue.S(var r) ->
                OptionalInt.of(
                        Arrays.compareUnsigned(l.getBytes(StandardCharsets.UTF_8), r.getBytes(StandardCharsets.UTF_8)));
            case AttributeValue.N(var l)
            when right instanceof AttributeValue.N(var r) -> OptionalInt.of(l.compareTo(r));
            case AttributeValue.B(var l)
            when right instanceof AttributeValue.B(var r) -> OptionalInt.of(l.compareTo(r));
            default -> OptionalInt.empty();
        };
    }

    /** DynamoDB's long type names, used in the update expression's operand type errors. */
    static String longTypeName(AttributeValue value) {
        return switch (value) {
            case AttributeValue.S ignored -> "STRING";
            case AttributeValue.N ignored -> "NUMBER";
            case AttributeValue.B ignored -> "BINARY";
            case AttributeValue.BOOL ignored -> "BOOLEAN";
            case AttributeValue.NULL ignored -> "NULL";
            case AttributeValue.M ignored -> "MAP";
            case AttributeValue.L ignored -> "LIST";
            case AttributeValue.SS ignored -> "SS";
            case AttributeValue.NS ignored -> "NS";
            case AttributeValue.BS ignored -> "BS";
        };
    }
}

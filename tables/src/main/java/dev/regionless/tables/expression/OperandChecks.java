package dev.regionless.tables.expression;

import dev.regionless.common.AwsException;
import dev.regionless.tables.AttributeValue;
import java.util.List;
import java.util.Set;

/**
 * The checks DynamoDB makes on the operands of a condition while parsing it, before any item is read: supplied
 * values of a type the operator cannot use, the same path on both sides, {@code attribute_type} names and
 * {@code BETWEEN} bounds. Each failure is a {@code ValidationException} naming the expression parameter.
 */
final class OperandChecks {
    /** attribute_type's type names, in the order DynamoDB lists them in its error. */
    private static final List<String> TYPE_NAMES = List.of("B", "NULL", "SS", "BOOL", "L", "BS", "N", "NS", "S", "M");

    private static final Set<String> ORDERED = Set.of("S", "N", "B");
    private static final Set<String> PREFIXES = Set.of("S", "B");

    private final ExpressionKind kind;

    OperandChecks(ExpressionKind kind) {
        this.kind = kind;
    }

    /** {@code a = a}, {@code contains(a, a)}: DynamoDB wants the first operand distinct from the others. */
    void requireDistinct(String operator, Operand first, Operand second) {
        if (first instanceof Operand.Path(var path) && first.equals(second)) {
            throw kind.error("The first operand must be distinct from the remaining operands for this operator or "
                    + "function; operator: " + operator + ", first operand: " + path);
        }
    }

    /** Only strings, numbers and binaries order: a supplied list or map is an error, not a false comparison. */
    void requireOrdered(String operator, Operand operand) {
        requireType(operator, operand, ORDERED);
    }

    /** begins_with compares strings or binaries only. */
    void requirePrefixType(Operand operand) {
        requireType("begins_with", operand, PREFIXES);
    }

    private void requireType(String operator, Operand operand, Set<String> allowed) {
        var type = typeOf(operand);
        if (type != null && !allowed.contains(type)) {
            throw incorrectType(operator, type);
        }
    }

    /** attribute_type's second operand: a supplied string that names a DynamoDB type. */
    Operand requireTypeName(Operand operand) {
        if (operand instanceof Operand.Value(AttributeValue.S(var name))) {
            if (!TYPE_NAMES.contains(name)) {
                throw kind.error("Invalid attribute type name found; type: " + name + ", valid types: {"
                        + String.join(",", TYPE_NAMES) + "}");
            }
            return operand;
        }
        var type = typeOf(operand);
        throw incorrectType("attribute_type", type != null ? type : "{" + String.join(",", TYPE_NAMES) + "}");
    }

    /** DynamoDB rejects, before reading any item, two supplied bounds of different types or in the wrong order. */
    void requireOrderedBounds(Operand low, Operand high) {
        if (low instanceof Operand.Value(var l) && high instanceof Operand.Value(var h)) {
            var bounds = "lower bound operand: AttributeValue: {" + describe(l) + "}, "
                    + "upper bound operand: AttributeValue: {" + describe(h) + "}";
            if (!l.typeName().equals(h.typeName())) {
                throw kind.error("The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
            }
            if (Values.compare(l, h).orElse(0) > 0) {
                throw kind.error("The BETWEEN operator requires upper bound to be greater than or equal to "
                        + "lower bound; " + bounds);
            }
        }
    }

    /** The type of a supplied value or of size(...), which is a number; null for a path, known only per item. */
    private static String typeOf(Operand operand) {
        return switch (operand) {
            case Operand.Value(var value) -> value.typeName();
            case Operand.Size ignored -> "N";
            case Operand.Path ignored -> null;
        };
    }

    private AwsException incorrectType(String operator, String type) {
        return kind.error("Incorrect operand type for operator or function; operator or function: " + operator
                + ", operand type: " + type);
    }

    private static String describe(AttributeValue value) {
        return value.typeName() + ":"
                + switch (value) {
                    case AttributeValue.S(var s) -> s;
                    case AttributeValue.N n -> n.text();
                    case AttributeValue.B(var b) -> b.toBase64();
                    default -> value.toString();
                };
    }
}

package dev.regionless.template.internal.node;

import dev.regionless.template.TemplateException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed values out of resolved nodes, with CloudFormation's leniency (the string {@code "512"} is a fine
 * integer) and messages of the form {@code path: value (expected: ...)}.
 */
public final class Values {

    private Values() {}

    /** The text of a string, number or boolean. */
    public static String string(Node node) {
        if (node instanceof Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw unexpected(node, "a string");
    }

    /** An integer in {@code min..max}. */
    public static int integer(Node node, int min, int max) {
        var range = max == Integer.MAX_VALUE ? min + " or more" : min + ".." + max;
        var expected = "an integer, " + range;
        var number = decimal(node, expected);
        try {
            var value = number.intValueExact();
            if (value < min || value > max) {
                throw unexpected(node, range);
            }
            return value;
        } catch (ArithmeticException e) {
            throw unexpected(node, expected);
        }
    }

    /** A number, 0 or more. */
    public static double nonNegativeNumber(Node node) {
        var number = decimal(node, "a number, 0 or more");
        if (number.signum() < 0) {
            throw unexpected(node, "a number, 0 or more");
        }
        return number.doubleValue();
    }

    /** {@code true} or {@code false}, also written as strings, as CloudFormation accepts. */
    public static boolean bool(Node node) {
        if (node instanceof Scalar scalar
                && (scalar.text().equals("true") || scalar.text().equals("false"))) {
            return Boolean.parseBoolean(scalar.text());
        }
        throw unexpected(node, "true or false");
    }

    /** A mapping. */
    public static Mapping mapping(Node node) {
        if (node instanceof Mapping mapping) {
            return mapping;
        }
        throw unexpected(node, "a mapping");
    }

    /** A list. */
    public static Sequence sequence(Node node) {
        if (node instanceof Sequence sequence) {
            return sequence;
        }
        throw unexpected(node, "a list");
    }

    /** A list of strings; a single string is not a list. */
    public static List<String> strings(Node node) {
        if (!(node instanceof Sequence sequence)) {
            throw unexpected(node, "a list of strings");
        }
        var strings = new ArrayList<String>();
        for (var item : sequence.items()) {
            strings.add(string(item));
        }
        return strings;
    }

    /** An error naming the node's value and what was expected instead. */
    public static TemplateException unexpected(Node node, String expected) {
        return node.location().error(node.display() + " (expected: " + expected + ")");
    }

    private static BigDecimal decimal(Node node, String expected) {
        if (node instanceof Scalar scalar && scalar.kind() != ScalarKind.BOOLEAN && !scalar.isNull()) {
            try {
                return new BigDecimal(scalar.text().trim());
            } catch (NumberFormatException e) {
                throw unexpected(node, expected);
            }
        }
        throw unexpected(node, expected);
    }
}

package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.functions.FunctionErrors;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * One filter pattern of Lambda's event filtering, EventBridge's syntax: an object whose keys name the record's
 * fields (nested objects for nested fields) and whose leaves are lists of matchers, any of which may match. Matchers:
 * a literal (string, number, boolean, null), {@code prefix}, {@code suffix}, {@code equals-ignore-case},
 * {@code anything-but} (a literal, a list of literals, or a {@code prefix}), {@code numeric} (one or two comparisons)
 * and {@code exists}. A record field holding a list matches when one of its items does.
 *
 * <p>A queue message's {@code body} is matched as JSON when the pattern has fields under {@code body}, and as text
 * when the pattern lists matchers for {@code body} itself: a body that is not a JSON object matches no pattern with
 * fields under it, as on Lambda.
 */
public final class EventPattern {
    private static final Set<String> COMPARISONS = Set.of("<", "<=", "=", ">=", ">");

    private final JsonNode pattern;

    private EventPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    /**
     * Parses and checks a pattern.
     *
     * @param name how the pattern is named in an error, such as {@code FilterCriteria.Filters[0].Pattern}
     * @throws AwsException {@code InvalidParameterValueException} naming the pattern and what is wrong
     */
    public static EventPattern compile(String name, String text) {
        requireNonNull(text, name);
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw invalid(name, text, "a JSON object");
        }
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw invalid(name, text, "a JSON object with at least one field");
        }
        check(name, text, node);
        return new EventPattern(node);
    }

    public boolean matches(JsonNode record) {
        return matchesObject(pattern, record);
    }

    private static void check(String name, String text, JsonNode object) {
        for (var field : object.properties()) {
            var value = field.getValue();
            if (value.isObject()) {
                check(name, text, value);
            } else if (value.isArray() && !value.isEmpty()) {
                value.forEach(matcher -> checkMatcher(name, text, matcher));
            } else {
                throw invalid(name, text, "a list of matchers or an object of fields for " + field.getKey());
            }
        }
    }

    private static void checkMatcher(String name, String text, JsonNode matcher) {
        if (matcher.isValueNode()) {
            return;
        }
        if (!matcher.isObject() || matcher.size() != 1) {
            throw invalid(name, text, "matchers that are literals or objects with one operator");
        }
        var operator = matcher.fieldNames().next();
        var operand = matcher.get(operator);
        boolean valid = switch (operator) {
            case "prefix", "suffix", "equals-ignore-case" -> operand.isTextual();
            case "exists" -> operand.isBoolean();
            case "anything-but" ->
                operand.isValueNode()
                        || operand.isArray() && !operand.isEmpty() && allValues(operand)
                        || operand.isObject()
                                && operand.size() == 1
                                && operand.path("prefix").isTextual();
            case "numeric" -> numeric(operand);
            default -> false;
        };
        if (!valid) {
            throw invalid(
                    name,
                    text,
                    "operators prefix, suffix, equals-ignore-case, anything-but, numeric or exists with their"
                            + " operands; " + operator + ": " + operand + " is not one");
        }
    }

    private static boolean allValues(JsonNode array) {
        for (var item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static boolean numeric(JsonNode operand) {
        if (!operand.isArray() || (operand.size() != 2 && operand.size() != 4)) {
            return false;
        }
        for (int i = 0; i < operand.size(); i += 2) {
            if (!COMPARISONS.contains(operand.get(i).asText())
                    || !operand.get(i + 1).isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode value) {
        for (var field : pattern.properties()) {
            var expected = field.getValue();
            var actual = value == null ? null : value.get(field.getKey());
            if (expected.isObject()) {
                var nested = actual != null && actual.isTextual() ? parsed(actual.textValue()) : actual;
                if (nested == null || !nested.isObject() || !matchesObject(expected, nested)) {
                    return false;
                }
            } else if (!matchesAny(expected, actual)) {
                return false;
            }
        }
        return true;
    }

    /** A text field that holds JSON (a queue message's body), read as JSON; {@code null} if it is not JSON. */
    private static JsonNode parsed(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean matchesAny(JsonNode matchers, JsonNode actual) {
        for (var matcher : matchers) {
            if (matcher.isObject() && matcher.has("exists")) {
                boolean present = actual != null && !actual.isMissingNode();
                if (present == matcher.get("exists").booleanValue()) {
                    return true;
                }
                continue;
            }
            if (actual == null || actual.isMissingNode()) {
                continue;
            }
            if (actual.isArray() ? anyItemMatches(matcher, actual) : matches(matcher, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyItemMatches(JsonNode matcher, JsonNode items) {
        for (var item : items) {
            if (matches(matcher, item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode matcher, JsonNode actual) {
        if (matcher.isValueNode()) {
            return equal(matcher, actual);
        }
        var operator = matcher.fieldNames().next();
        var operand = matcher.get(operator);
        return switch (operator) {
            case "prefix" -> actual.isTextual() && actual.textValue().startsWith(operand.textValue());
            case "suffix" -> actual.isTextual() && actual.textValue().endsWith(operand.textValue());
            case "equals-ignore-case" ->
                actual.isTextual()
                        && actual.textValue()
                                .toLowerCase(Locale.ROOT)
                                .equals(operand.textValue().toLowerCase(Locale.ROOT));
            case "anything-but" -> !anythingButExcludes(operand, actual);
            case "numeric" -> actual.isNumber() && compares(operand, actual.decimalValue());
            default -> false;
        };
    }

    private static boolean anythingButExcludes(JsonNode operand, JsonNode actual) {
        if (operand.isObject()) {
            return actual.isTextual()
                    && actual.textValue().startsWith(operand.get("prefix").textValue());
        }
        if (operand.isArray()) {
            for (var excluded : operand) {
                if (equal(excluded, actual)) {
                    return true;
                }
            }
            return false;
        }
        return equal(operand, actual);
    }

    private static boolean compares(JsonNode operand, BigDecimal value) {
        for (int i = 0; i < operand.size(); i += 2) {
            int order = value.compareTo(operand.get(i + 1).decimalValue());
            boolean holds = switch (operand.get(i).asText()) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case "=" -> order == 0;
                case ">=" -> order >= 0;
                default -> order > 0;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static AwsException invalid(String name, String text, String expected) {
        return FunctionErrors.invalidParameter(name + ": " + text + " (expected: " + expected + ")");
    }
}

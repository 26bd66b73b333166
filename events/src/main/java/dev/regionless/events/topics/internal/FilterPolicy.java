package dev.regionless.events.topics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.events.topics.TopicErrors;
import dev.regionless.queues.MessageAttribute;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A subscription's filter policy: which messages it receives. Each key of the policy must match (AND); each key's
 * list of conditions matches when any of them does (OR). Conditions: exact strings and numbers, {@code prefix},
 * {@code suffix}, {@code equals-ignore-case}, {@code anything-but} (a value, a list, or a prefix), {@code numeric}
 * ranges and {@code exists}. With scope {@code MessageAttributes} keys name message attributes ({@code String},
 * {@code Number}, or {@code String.Array} whose elements each may match); with {@code MessageBody}, nested keys of
 * a JSON message.
 */
public record FilterPolicy(ObjectNode policy) {

    /** Reads a policy, or answers SNS's {@code InvalidParameter} naming what is wrong. */
    public static FilterPolicy parse(String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw invalid(text, "a JSON object");
        }
        if (!(node instanceof ObjectNode object) || object.isEmpty()) {
            throw invalid(text, "a JSON object of attribute names to lists of conditions");
        }
        checkLevel(text, object);
        return new FilterPolicy(object);
    }

    private static void checkLevel(String text, ObjectNode level) {
        level.properties().forEach(entry -> {
            var value = entry.getValue();
            if (value.isObject()) {
                checkLevel(text, (ObjectNode) value);
            } else if (!value.isArray() || value.isEmpty()) {
                throw invalid(text, "a non-empty list of conditions for " + entry.getKey());
            } else {
                value.forEach(condition -> checkCondition(text, condition));
            }
        });
    }

    private static void checkCondition(String text, JsonNode condition) {
        if (condition.isTextual() || condition.isNumber() || condition.isNull() || condition.isBoolean()) {
            return;
        }
        if (!condition.isObject() || condition.size() != 1) {
            throw invalid(text, "conditions that are values or one-key objects");
        }
        var operator = condition.properties().iterator().next();
        switch (operator.getKey()) {
            case "prefix", "suffix", "equals-ignore-case" -> {
                if (!operator.getValue().isTextual()) {
                    throw invalid(text, operator.getKey() + " with a string");
                }
            }
            case "exists" -> {
                if (!operator.getValue().isBoolean()) {
                    throw invalid(text, "exists with true or false");
                }
            }
            case "anything-but" -> {}
            case "numeric" -> numericRange(text, operator.getValue());
            default ->
                throw invalid(
                        text,
                        "an operator among prefix, suffix, equals-ignore-case, anything-but, numeric, exists; not "
                                + operator.getKey());
        }
    }

    private static List<Object[]> numericRange(String text, JsonNode range) {
        if (!range.isArray() || range.isEmpty() || range.size() % 2 != 0) {
            throw invalid(text, "numeric with [operator, number, ...]");
        }
        var result = new ArrayList<Object[]>();
        for (int i = 0; i < range.size(); i += 2) {
            var op = range.get(i).asText();
            if (!List.of("=", "<", "<=", ">", ">=").contains(op)
                    || !range.get(i + 1).isNumber()) {
                throw invalid(text, "numeric with operators =, <, <=, >, >= each followed by a number");
            }
            result.add(new Object[] {op, range.get(i + 1).asDouble()});
        }
        return result;
    }

    private static dev.regionless.common.AwsException invalid(String text, String expected) {
        return TopicErrors.invalidParameter("FilterPolicy", text, expected);
    }

    /** Whether a message with these attributes passes (scope {@code MessageAttributes}). */
    public boolean matchesAttributes(Map<String, MessageAttribute> attributes) {
        for (var entry : policy.properties()) {
            var attribute = attributes.get(entry.getKey());
            List<JsonNode> values = attribute == null ? List.of() : valuesOf(attribute);
            if (!anyCondition(entry.getValue(), attribute != null, values)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a message passes (scope {@code MessageBody}); a message that is not a JSON object never does. */
    public boolean matchesBody(String message) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(message);
        } catch (IOException e) {
            return false;
        }
        return body != null && body.isObject() && matchesLevel(policy, body);
    }

    private static boolean matchesLevel(JsonNode level, JsonNode body) {
        for (var entry : level.properties()) {
            var field = body.get(entry.getKey());
            if (entry.getValue().isObject()) {
                if (field == null || !field.isObject() || !matchesLevel(entry.getValue(), field)) {
                    return false;
                }
                continue;
            }
            var values = new ArrayList<JsonNode>();
            if (field != null && field.isArray()) {
                field.forEach(values::add);
            } else if (field != null) {
                values.add(field);
            }
            if (!anyCondition(entry.getValue(), field != null, values)) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> valuesOf(MessageAttribute attribute) {
        var type = attribute.dataType();
        if (attribute.isBinary() || attribute.stringValue() == null) {
            return List.of();
        }
        if (type.startsWith("Number")) {
            return List.of(
                    Json.mapper().getNodeFactory().numberNode(new java.math.BigDecimal(attribute.stringValue())));
        }
        if (type.equals("String.Array")) {
            try {
                var array = Json.mapper().readTree(attribute.stringValue());
                var values = new ArrayList<JsonNode>();
                array.forEach(values::add);
                return values;
            } catch (IOException e) {
                return List.of();
            }
        }
        return List.of(Json.mapper().getNodeFactory().textNode(attribute.stringValue()));
    }

    private static boolean anyCondition(JsonNode conditions, boolean present, List<JsonNode> values) {
        for (var condition : conditions) {
            if (condition.isObject() && condition.has("exists")) {
                if (condition.get("exists").asBoolean() == present) {
                    return true;
                }
                continue;
            }
            for (var value : values) {
                if (matches(condition, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(JsonNode condition, JsonNode value) {
        if (condition.isTextual()) {
            return value.isTextual() && value.asText().equals(condition.asText());
        }
        if (condition.isNumber()) {
            return value.isNumber() && value.decimalValue().compareTo(condition.decimalValue()) == 0;
        }
        if (!condition.isObject()) {
            return condition.equals(value);
        }
        var operator = condition.properties().iterator().next();
        var operand = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> value.isTextual() && value.asText().startsWith(operand.asText());
            case "suffix" -> value.isTextual() && value.asText().endsWith(operand.asText());
            case "equals-ignore-case" -> value.isTextual() && value.asText().equalsIgnoreCase(operand.asText());
            case "numeric" -> value.isNumber() && inRange(operand, value.asDouble());
            case "anything-but" -> !anythingButExcludes(operand, value);
            default -> false;
        };
    }

    private static boolean anythingButExcludes(JsonNode operand, JsonNode value) {
        if (operand.isArray()) {
            for (var excluded : operand) {
                if (matches(excluded, value)) {
                    return true;
                }
            }
            return false;
        }
        return matches(operand, value);
    }

    private static boolean inRange(JsonNode range, double value) {
        for (int i = 0; i < range.size(); i += 2) {
            double bound = range.get(i + 1).asDouble();
            boolean ok = switch (range.get(i).asText()) {
                case "=" -> value == bound;
                case "<" -> value < bound;
                case "<=" -> value <= bound;
                case ">" -> value > bound;
                case ">=" -> value >= bound;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}

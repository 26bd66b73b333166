package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to a request's JSON parameters. A parameter of the wrong JSON type is a
 * {@code SerializationException}, as it is for DynamoDB, whose deserializer rejects it before any validation.
 */
final class Params {
    private final JsonNode body;

    /** The members of a JSON object; anything else is a {@code SerializationException}. */
    Params(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw TableErrors.serialization("Unexpected value type in payload: expected a structure, not "
                    + (body == null ? "nothing" : body.getNodeType()));
        }
        this.body = body;
    }

    /** The request (or nested structure) as JSON, for checks that look at all of its members. */
    com.fasterxml.jackson.databind.node.ObjectNode json() {
        // The constructor admits objects only.
        return (com.fasterxml.jackson.databind.node.ObjectNode) body;
    }

    boolean has(String name) {
        var node = body.get(name);
        return node != null && !node.isNull();
    }

    JsonNode node(String name) {
        var node = body.get(name);
        return node == null || node.isNull() ? null : node;
    }

    String string(String name) {
        var node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(name, "String", node);
        }
        return node.asText();
    }

    Integer integer(String name) {
        var node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !node.canConvertToInt()) {
            throw wrongType(name, "Integer", node);
        }
        return node.asInt();
    }

    Long longValue(String name) {
        var node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !node.canConvertToLong()) {
            throw wrongType(name, "Long", node);
        }
        return node.asLong();
    }

    Boolean bool(String name) {
        var node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(name, "Boolean", node);
        }
        return node.asBoolean();
    }

    List<JsonNode> list(String name) {
        var node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(name, "List", node);
        }
        var result = new ArrayList<JsonNode>();
        node.forEach(result::add);
        return result;
    }

    /** A JSON object parameter as an ordered map of its members, or null. */
    Map<String, JsonNode> object(String name) {
        var node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(name, "Structure", node);
        }
        var result = new LinkedHashMap<String, JsonNode>();
        node.properties().forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    Params params(String name) {
        var node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(name, "Structure", node);
        }
        return new Params(node);
    }

    Map<String, String> stringMap(String name) {
        var members = object(name);
        if (members == null) {
            return Map.of();
        }
        var result = new LinkedHashMap<String, String>();
        members.forEach((key, value) -> {
            if (!value.isTextual()) {
                throw wrongType(name + "." + key, "String", value);
            }
            result.put(key, value.asText());
        });
        return result;
    }

    Map<String, AttributeValue> attributeValueMap(String name) {
        var members = object(name);
        if (members == null) {
            return Map.of();
        }
        var result = new LinkedHashMap<String, AttributeValue>();
        members.forEach((key, value) -> result.put(key, AttributeValues.read(value)));
        return result;
    }

    Item item(String name) {
        var node = node(name);
        return node == null ? null : AttributeValues.readItem(node);
    }

    /** DynamoDB's deserializer's words: "STRING_VALUE cannot be converted to Integer", and the like. */
    static RuntimeException wrongType(String name, String expected, JsonNode actual) {
        if (expected.equals("Structure") || expected.equals("List")) {
            return TableErrors.serialization("Unexpected value type in payload: " + name + " must be a "
                    + expected.toLowerCase(java.util.Locale.ROOT) + ", not " + jsonType(actual));
        }
        return TableErrors.serialization(jsonType(actual) + " cannot be converted to " + expected);
    }

    private static String jsonType(JsonNode node) {
        if (node.isTextual()) {
            return "STRING_VALUE";
        }
        if (node.isNumber()) {
            return "NUMBER_VALUE";
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "VALUE_TRUE" : "VALUE_FALSE";
        }
        if (node.isArray()) {
            return "START_ARRAY";
        }
        return "START_OBJECT";
    }
}

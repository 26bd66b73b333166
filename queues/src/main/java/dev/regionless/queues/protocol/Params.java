package dev.regionless.queues.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.queues.MessageAttribute;
import dev.regionless.queues.QueueErrors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action's parameters in the JSON request's shape (whichever protocol they came in), with typed reads that
 * answer SQS's errors: {@code MissingParameter} for an absent required one, {@code InvalidParameterValue} for a
 * value of the wrong kind. Numbers may be JSON numbers or text, as the query protocol sends everything as text.
 */
final class Params {
    private final ObjectNode node;

    Params(ObjectNode node) {
        this.node = node;
    }

    ObjectNode node() {
        return node;
    }

    boolean has(String name) {
        var value = node.get(name);
        return value != null && !value.isNull();
    }

    String string(String name) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw QueueErrors.invalidParameter(name, value, "a string expected");
        }
        return value.asText();
    }

    String required(String name) {
        var value = string(name);
        if (value == null) {
            throw QueueErrors.missingParameter(name);
        }
        return value;
    }

    Integer integer(String name) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().trim());
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw QueueErrors.invalidParameter(name, value.asText(), "an integer expected");
    }

    /** An integer that must lie in [min, max] if given. */
    Integer integer(String name, int min, int max) {
        var value = integer(name);
        if (value != null && (value < min || value > max)) {
            throw QueueErrors.invalidParameter(
                    name, value, "Must be between " + min + " and " + max + ", if provided.");
        }
        return value;
    }

    Map<String, String> stringMap(String name) {
        var result = new LinkedHashMap<String, String>();
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isObject()) {
            throw QueueErrors.invalidParameter(name, value, "a map of strings expected");
        }
        value.properties().forEach(entry -> {
            if (!entry.getValue().isValueNode()) {
                throw QueueErrors.invalidParameter(name + "." + entry.getKey(), entry.getValue(), "a string expected");
            }
            result.put(entry.getKey(), entry.getValue().asText());
        });
        return result;
    }

    List<String> stringList(String name) {
        var result = new ArrayList<String>();
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            throw QueueErrors.invalidParameter(name, value, "a list of strings expected");
        }
        value.forEach(item -> result.add(item.asText()));
        return result;
    }

    /** A list of objects (batch entries); each read with {@link Params}. */
    List<Params> objects(String name) {
        var result = new ArrayList<Params>();
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            throw QueueErrors.invalidParameter(name, value, "a list of entries expected");
        }
        for (var item : value) {
            if (!item.isObject()) {
                throw QueueErrors.invalidParameter(name, item, "an entry object expected");
            }
            result.add(new Params((ObjectNode) item));
        }
        return result;
    }

    /** Message attributes: {@code {name: {DataType, StringValue | BinaryValue}}}. */
    Map<String, MessageAttribute> messageAttributes(String name) {
        var result = new LinkedHashMap<String, MessageAttribute>();
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isObject()) {
            throw QueueErrors.invalidParameter(name, value, "a map of message attributes expected");
        }
        value.properties().forEach(entry -> result.put(entry.getKey(), attribute(entry.getKey(), entry.getValue())));
        return result;
    }

    private static MessageAttribute attribute(String name, JsonNode value) {
        var dataType = value.path("DataType");
        if (!dataType.isTextual()) {
            throw QueueErrors.invalidParameterMessage(
                    "The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        var binary = value.path("BinaryValue");
        byte[] bytes = null;
        if (binary.isTextual()) {
            try {
                bytes = Base64.getDecoder().decode(binary.asText());
            } catch (IllegalArgumentException e) {
                throw QueueErrors.invalidParameterMessage("The message attribute '" + name
                        + "' has a BinaryValue that is not base64: " + binary.asText());
            }
        }
        var string = value.path("StringValue");
        return new MessageAttribute(dataType.asText(), string.isValueNode() ? string.asText() : null, bytes);
    }
}

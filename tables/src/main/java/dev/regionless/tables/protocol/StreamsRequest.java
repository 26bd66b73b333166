package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.TableErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parameters of one DynamoDB Streams request, read with the service model's constraints. Like AWS, it
 * collects every constraint a request breaks and reports them together ("2 validation errors detected: ...");
 * a value of the wrong JSON type cannot be read at all and is a {@code SerializationException} at once.
 */
final class StreamsRequest {
    private final JsonNode body;
    private final List<String> violations = new ArrayList<>();

    private StreamsRequest(JsonNode body) {
        this.body = body;
    }

    static StreamsRequest of(JsonNode body) {
        if (!body.isObject()) {
            throw TableErrors.serialization("Unexpected value type in payload: " + body.getNodeType());
        }
        return new StreamsRequest(body);
    }

    /** A required string parameter with the model's length bounds; {@code null} (and a violation) if absent. */
    String requiredString(String name, int minLength, int maxLength) {
        var value = optionalString(name, minLength, maxLength);
        if (value == null) {
            violations.add(
                    "Value null at '" + member(name) + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** An optional string parameter with the model's length bounds, or {@code null} if absent. */
    String optionalString(String name, int minLength, int maxLength) {
        var node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw TableErrors.serialization(node.getNodeType() + "_VALUE cannot be converted to String");
        }
        var value = node.textValue();
        if (value.length() < minLength) {
            violate(name, value, "Member must have length greater than or equal to " + minLength);
        }
        if (value.length() > maxLength) {
            violate(name, value, "Member must have length less than or equal to " + maxLength);
        }
        return value;
    }

    /** As {@link #optionalString}, also checking the model's pattern for the parameter. */
    String optionalString(String name, int minLength, int maxLength, Pattern pattern) {
        var value = optionalString(name, minLength, maxLength);
        if (value != null && !pattern.matcher(value).matches()) {
            violate(name, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    /** A required string parameter that must be one of the model's enum values. */
    String requiredEnum(String name, List<String> values) {
        var value = requiredString(name, 0, Integer.MAX_VALUE);
        if (value != null && !values.contains(value)) {
            violate(name, value, "Member must satisfy enum value set: " + values);
        }
        return value;
    }

    /** A positive integer parameter ({@code PositiveIntegerObject}), or {@code null} if absent. */
    Integer positiveInteger(String name) {
        var node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw TableErrors.serialization(node.getNodeType() + "_VALUE cannot be converted to Integer");
        }
        int value = node.intValue();
        if (value < 1) {
            violate(name, Integer.toString(value), "Member must have value greater than or equal to 1");
        }
        return value;
    }

    /** Throws the {@code ValidationException} listing every violation found so far, if there is one. */
    void validate() {
        if (violations.isEmpty()) {
            return;
        }
        var count = violations.size() == 1 ? "1 validation error" : violations.size() + " validation errors";
        throw TableErrors.validation(count + " detected: " + String.join("; ", violations));
    }

    private void violate(String name, String value, String constraint) {
        violations.add("Value '" + value + "' at '" + member(name) + "' failed to satisfy constraint: " + constraint);
    }

    /** AWS names members in these messages in lower camel case: {@code StreamArn} is {@code streamArn}. */
    private static String member(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

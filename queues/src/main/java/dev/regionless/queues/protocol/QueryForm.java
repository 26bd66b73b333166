package dev.regionless.queues.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the query protocol's flattened parameters ({@code Attribute.1.Name}, {@code MessageAttribute.2.Value.DataType},
 * {@code SendMessageBatchRequestEntry.3.Id}) into the JSON request's shape ({@code Attributes}, {@code
 * MessageAttributes}, {@code Entries}), so that each action reads its parameters one way.
 */
final class QueryForm {
    /** Flattened list name to the JSON member its entries become, as a list. */
    private static final Map<String, String> LISTS = Map.of(
            "AttributeName", "AttributeNames",
            "MessageAttributeName", "MessageAttributeNames",
            "MessageSystemAttributeName", "MessageSystemAttributeNames",
            "TagKey", "TagKeys",
            "SendMessageBatchRequestEntry", "Entries",
            "DeleteMessageBatchRequestEntry", "Entries",
            "ChangeMessageVisibilityBatchRequestEntry", "Entries");

    private QueryForm() {}

    /** Decodes an {@code application/x-www-form-urlencoded} body or query string into name-value pairs. */
    static Map<String, String> decode(String form) {
        var result = new LinkedHashMap<String, String>();
        for (var pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.putIfAbsent(name, value);
        }
        return result;
    }

    /** The parameters (without {@code Action} and {@code Version}) in the JSON request's shape. */
    static ObjectNode toJson(Map<String, String> parameters) {
        var tree = new TreeMap<String, Object>();
        parameters.forEach((name, value) -> {
            if (!name.equals("Action") && !name.equals("Version")) {
                put(tree, name.split("\\."), 0, value);
            }
        });
        return shape(tree);
    }

    @SuppressWarnings("unchecked")
    private static void put(TreeMap<String, Object> node, String[] path, int index, String value) {
        var key = path[index];
        if (index == path.length - 1) {
            node.put(key, value);
            return;
        }
        var child = node.computeIfAbsent(key, k -> new TreeMap<String, Object>());
        if (child instanceof TreeMap<?, ?> map) {
            put((TreeMap<String, Object>) map, path, index + 1, value);
        }
    }

    private static ObjectNode shape(TreeMap<String, Object> tree) {
        var result = Json.mapper().createObjectNode();
        tree.forEach((name, value) -> {
            if (!(value instanceof TreeMap<?, ?> child)) {
                result.put(name, (String) value);
                return;
            }
            if (!isNumbered(child)) {
                @SuppressWarnings("unchecked")
                var structure = (TreeMap<String, Object>) child;
                result.set(name, shape(structure)); // a structure, such as a message attribute's Value
                return;
            }
            var entries = entries(child);
            switch (name) {
                case "Attribute" -> result.set("Attributes", pairs(entries, "Name", "Value"));
                case "Tag" -> {
                    result.set("Tags", pairs(entries, "Key", "Value"));
                    result.set("tags", pairs(entries, "Key", "Value"));
                }
                case "MessageAttribute" -> result.set("MessageAttributes", pairs(entries, "Name", "Value"));
                case "MessageSystemAttribute" -> result.set("MessageSystemAttributes", pairs(entries, "Name", "Value"));
                default -> result.set(LISTS.getOrDefault(name, name), entries);
            }
        });
        return result;
    }

    private static boolean isNumbered(TreeMap<?, ?> members) {
        return members.keySet().stream().anyMatch(key -> ((String) key).matches("[0-9]+"));
    }

    /** {@code X.1..., X.2...} as a list, in numeric order; a child that is a value stays a value. */
    private static ArrayNode entries(TreeMap<?, ?> numbered) {
        var ordered = new TreeMap<Integer, Object>();
        numbered.forEach((key, value) -> {
            try {
                ordered.put(Integer.parseInt((String) key), value);
            } catch (NumberFormatException e) {
                // a member that is not numbered: not a list entry, ignored as SQS ignores unknown parameters
            }
        });
        var array = Json.mapper().createArrayNode();
        ordered.values().forEach(value -> {
            if (value instanceof TreeMap<?, ?> map) {
                @SuppressWarnings("unchecked")
                var typed = (TreeMap<String, Object>) map;
                array.add(shape(typed));
            } else {
                array.add((String) value);
            }
        });
        return array;
    }

    /** A list of {@code {key, value}} entries as a map. */
    private static ObjectNode pairs(ArrayNode entries, String key, String value) {
        var map = Json.mapper().createObjectNode();
        for (JsonNode entry : entries) {
            var name = entry.path(key);
            if (name.isTextual()) {
                map.set(name.asText(), entry.path(value).isMissingNode() ? null : entry.get(value));
            }
        }
        return map;
    }
}

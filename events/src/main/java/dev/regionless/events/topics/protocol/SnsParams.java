package dev.regionless.events.topics.protocol;

import dev.regionless.common.AwsException;
import dev.regionless.queues.MessageAttribute;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A query-protocol request's parameters as SNS's model flattens them: lists as {@code Name.member.N}, maps as
 * {@code Name.entry.N.key} / {@code .value} (or {@code .Name} / {@code .Value} for message attributes), structures
 * as {@code Name.Member}. Typed reads answer SNS's errors for what is missing or malformed.
 */
final class SnsParams {
    private final Map<String, String> values;

    SnsParams(Map<String, String> values) {
        this.values = values;
    }

    /** Decodes an {@code application/x-www-form-urlencoded} body or query string; the first value of a name wins. */
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

    String string(String name) {
        return values.get(name);
    }

    String required(String name) {
        var value = values.get(name);
        if (value == null) {
            throw new AwsException(
                    "InvalidParameter", 400, "Invalid parameter: " + name + ": missing (expected: a value)");
        }
        return value;
    }

    /** {@code Name.entry.N.key} and {@code .value} as a map, in entry order. */
    Map<String, String> map(String name) {
        var result = new LinkedHashMap<String, String>();
        numbered(name + ".entry.").forEach(entry -> {
            var key = first(entry, "key", "Key", "Name");
            if (key != null) {
                result.put(key, first(entry, "value", "Value"));
            }
        });
        return result;
    }

    /** {@code Name.member.N.Key} and {@code .Value} as a map. */
    Map<String, String> tags(String name) {
        var result = new LinkedHashMap<String, String>();
        numbered(name + ".member.").forEach(entry -> {
            var key = entry.get("Key");
            if (key != null) {
                result.put(key, entry.getOrDefault("Value", ""));
            }
        });
        return result;
    }

    /** {@code Name.member.N} as a list. */
    List<String> list(String name) {
        var result = new ArrayList<String>();
        numbered(name + ".member.").forEach(entry -> {
            var value = entry.get("");
            if (value != null) {
                result.add(value);
            }
        });
        return result;
    }

    /** {@code Name.member.N.*} as one parameter set per entry (batch entries). */
    List<SnsParams> entries(String name) {
        return numbered(name + ".member.").stream().map(SnsParams::new).toList();
    }

    /** {@code Name.entry.N.Name} with {@code .Value.DataType}, {@code .Value.StringValue}, {@code .Value.BinaryValue}. */
    Map<String, MessageAttribute> messageAttributes(String name) {
        var result = new LinkedHashMap<String, MessageAttribute>();
        for (var entry : numbered(name + ".entry.")) {
            var attribute = entry.get("Name");
            if (attribute == null) {
                continue;
            }
            var dataType = entry.get("Value.DataType");
            if (dataType == null || dataType.isEmpty()) {
                throw new AwsException(
                        "ParameterValueInvalid",
                        400,
                        "The message attribute '" + attribute + "' must contain non-empty message attribute type.");
            }
            byte[] binary = null;
            var encoded = entry.get("Value.BinaryValue");
            if (encoded != null) {
                try {
                    binary = Base64.getDecoder().decode(encoded);
                } catch (IllegalArgumentException e) {
                    throw new AwsException(
                            "ParameterValueInvalid",
                            400,
                            "The message attribute '" + attribute + "' has a BinaryValue that is not base64: "
                                    + encoded);
                }
            }
            result.put(attribute, new MessageAttribute(dataType, entry.get("Value.StringValue"), binary));
        }
        return result;
    }

    /**
     * The entries under {@code prefix} ({@code X.member.} or {@code X.entry.}), in numeric order, each as its
     * members' names after the number ({@code ""} for an entry that is a value itself).
     */
    private List<Map<String, String>> numbered(String prefix) {
        var entries = new TreeMap<Integer, Map<String, String>>();
        values.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            var rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            var index = dot < 0 ? rest : rest.substring(0, dot);
            try {
                entries.computeIfAbsent(Integer.parseInt(index), i -> new LinkedHashMap<>())
                        .put(dot < 0 ? "" : rest.substring(dot + 1), value);
            } catch (NumberFormatException e) {
                // not a numbered entry: ignored, as AWS ignores parameters it does not know
            }
        });
        return new ArrayList<>(entries.values());
    }

    private static String first(Map<String, String> entry, String... names) {
        for (var name : names) {
            if (entry.containsKey(name)) {
                return entry.get(name);
            }
        }
        return null;
    }
}

package dev.regionless.gateway.internal.payload;

import dev.regionless.gateway.internal.message.PercentDecoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string's parameters, decoded, names in first-appearance order, every value kept. A name without '='
 * has the value "".
 *
 * @param values every value of each name, in order
 */
public record QueryParameters(Map<String, List<String>> values) {

    public QueryParameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses a raw query string (without '?'). */
    public static QueryParameters parse(String rawQuery) {
        var result = new LinkedHashMap<String, List<String>>();
        for (var pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            var name = PercentDecoding.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : PercentDecoding.decodeQuery(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new QueryParameters(result);
    }

    /** Whether there are no parameters. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Payload 1.0 {@code queryStringParameters}: the last value of each name. */
    public Map<String, String> lastValues() {
        var result = new LinkedHashMap<String, String>();
        values.forEach((name, list) -> result.put(name, list.get(list.size() - 1)));
        return result;
    }

    /** Payload 2.0 {@code queryStringParameters}: the values of each name joined with commas. */
    public Map<String, String> commaJoined() {
        var result = new LinkedHashMap<String, String>();
        values.forEach((name, list) -> result.put(name, String.join(",", list)));
        return result;
    }
}

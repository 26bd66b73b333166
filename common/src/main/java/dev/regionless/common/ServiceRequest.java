package dev.regionless.common;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request to a service port, read in full, free of any HTTP library's types, so that protocol
 * adapters can be tested without a server.
 *
 * @param method the HTTP method, upper case
 * @param path the raw (still percent-encoded) path, without the query
 * @param rawQuery the query string without the leading '?', or "" when there is none
 * @param headers header values by lower-case name
 * @param body the request body, possibly empty
 */
public record ServiceRequest(
        String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public ServiceRequest {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, or {@code null}; names are matched case-insensitively. */
    public String header(String name) {
        var values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Query parameters, decoded, in the order they appear; a name without '=' has the value "". */
    public Map<String, List<String>> queryParameters() {
        var result = new LinkedHashMap<String, List<String>>();
        if (rawQuery.isEmpty()) {
            return result;
        }
        for (var pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            var name = decode(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    /** The first value of a query parameter, or {@code null}. */
    public String queryParameter(String name) {
        var values = queryParameters().get(name);
        return values == null ? null : values.get(0);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

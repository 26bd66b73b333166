package dev.regionless.gateway.internal.routing;

import dev.regionless.gateway.internal.message.PercentDecoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed route key: {@code "GET /items/{id}"}, {@code "ANY /{proxy+}"}, or the catch-all {@code "$default"}.
 *
 * @param method the method in upper case, {@code ANY}, or {@code null} for {@code $default}
 * @param path the path template; empty for {@code $default} and for the root {@code /}
 */
public record RouteKey(String method, List<PathSegment> path) {

    /** The route key of the HTTP API catch-all route. */
    public static final String DEFAULT = "$default";

    /** The method that matches every method. */
    public static final String ANY = "ANY";

    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    public RouteKey {
        path = List.copyOf(path);
    }

    /** Parses a route key as written in a template or the API Gateway API. */
    public static RouteKey parse(String text) {
        if (DEFAULT.equals(text)) {
            return new RouteKey(null, List.of());
        }
        int space = text.indexOf(' ');
        if (space < 0) {
            throw invalid(text, "\"$default\" or \"METHOD /path\", for example \"GET /items/{id}\"");
        }
        var method = text.substring(0, space).toUpperCase(Locale.ROOT);
        var pathText = text.substring(space + 1).trim();
        if (!METHOD.matcher(method).matches() || !pathText.startsWith("/")) {
            throw invalid(text, "\"$default\" or \"METHOD /path\", for example \"GET /items/{id}\"");
        }
        var segments =
                RequestPath.split(pathText).stream().map(PathSegment::parse).toList();
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i) instanceof PathSegment.Greedy) {
                throw invalid(text, "a greedy {name+} segment only at the end of the path");
            }
        }
        return new RouteKey(method, segments);
    }

    /** Whether this is the {@code $default} catch-all. */
    public boolean isDefault() {
        return method == null;
    }

    /** Whether this route's method accepts the request's method. */
    public boolean acceptsMethod(String requestMethod) {
        return method != null && (ANY.equals(method) || method.equals(requestMethod));
    }

    /** The resource path, as in {@code resource} and {@code requestContext.resourcePath}: {@code /items/{id}}. */
    public String resourcePath() {
        var joined = new StringBuilder();
        for (var segment : path) {
            joined.append('/').append(segment.text());
        }
        return joined.isEmpty() ? "/" : joined.toString();
    }

    /** The path parameters, decoded, if the request path fits this template (the method is not checked). */
    public Optional<Map<String, String>> match(RequestPath request) {
        if (isDefault()) {
            return Optional.empty();
        }
        var params = new LinkedHashMap<String, String>();
        var segments = request.segments();
        for (int i = 0; i < path.size(); i++) {
            var template = path.get(i);
            if (i >= segments.size()) {
                return Optional.empty();
            }
            var raw = segments.get(i);
            switch (template) {
                case PathSegment.Greedy greedy -> {
                    params.put(greedy.name(), PercentDecoding.decodePath(request.rest(i)));
                    return Optional.of(params);
                }
                case PathSegment.Variable variable -> params.put(variable.name(), PercentDecoding.decodePath(raw));
                case PathSegment.Literal literal -> {
                    if (!literal.value().equals(raw) && !literal.value().equals(PercentDecoding.decodePath(raw))) {
                        return Optional.empty();
                    }
                }
            }
        }
        return path.size() == segments.size() ? Optional.of(params) : Optional.empty();
    }

    /**
     * Orders two keys that both match a request: negative when this one is more specific. Segments are compared
     * left to right (exact before {@code {param}} before greedy); same shapes prefer a specific method to ANY.
     */
    public int compareSpecificity(RouteKey other) {
        int common = Math.min(path.size(), other.path.size());
        for (int i = 0; i < common; i++) {
            int diff = Integer.compare(path.get(i).rank(), other.path.get(i).rank());
            if (diff != 0) {
                return diff;
            }
        }
        return Boolean.compare(ANY.equals(method), ANY.equals(other.method));
    }

    @Override
    public String toString() {
        return isDefault() ? DEFAULT : method + " " + resourcePath();
    }

    private static IllegalArgumentException invalid(String text, String expected) {
        return new IllegalArgumentException("routeKey: \"" + text + "\" (expected: " + expected + ")");
    }
}

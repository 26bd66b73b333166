package dev.regionless.gateway.internal.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A request path split into its raw (still encoded) segments. A trailing slash is remembered but does not make
 * a segment of its own, so {@code /items/} finds the route {@code /items} as on API Gateway.
 *
 * @param segments the non-empty segments, still percent-encoded
 * @param trailingSlash whether the path ended with '/'
 */
public record RequestPath(List<String> segments, boolean trailingSlash) {

    public RequestPath {
        segments = List.copyOf(segments);
    }

    /** Splits a raw path; empty segments (from "//") are dropped. */
    public static RequestPath of(String rawPath) {
        var parts = new ArrayList<String>();
        for (var part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return new RequestPath(parts, rawPath.length() > 1 && rawPath.endsWith("/"));
    }

    /** The path without its first segment (a stage name). */
    public RequestPath withoutFirst() {
        return segments.isEmpty() ? this : new RequestPath(segments.subList(1, segments.size()), trailingSlash);
    }

    /** The first segment, or "" for the root. */
    public String first() {
        return segments.isEmpty() ? "" : segments.get(0);
    }

    /** The raw path again, with a leading '/'. */
    public String raw() {
        var joined = "/" + String.join("/", segments);
        return trailingSlash && !segments.isEmpty() ? joined + "/" : joined;
    }

    /** The raw segments from {@code index} on, joined with '/', keeping a trailing slash. */
    String rest(int index) {
        var joined = String.join("/", segments.subList(index, segments.size()));
        return trailingSlash ? joined + "/" : joined;
    }

    static List<String> split(String templatePath) {
        return Arrays.stream(templatePath.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}

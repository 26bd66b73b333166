package dev.regionless.gateway.internal.routing;

/** One segment of a route's path template. Lower {@link #rank()} is more specific. */
public sealed interface PathSegment {

    /** 0 for exact text, 1 for a {@code {param}}, 2 for a greedy {@code {param+}}. */
    int rank();

    /** The segment as written in the route key. */
    String text();

    /** An exact segment, compared with the request's raw segment. */
    record Literal(String value) implements PathSegment {
        @Override
        public int rank() {
            return 0;
        }

        @Override
        public String text() {
            return value;
        }
    }

    /** A {@code {name}} segment: matches one non-empty segment, whose decoded value becomes a path parameter. */
    record Variable(String name) implements PathSegment {
        @Override
        public int rank() {
            return 1;
        }

        @Override
        public String text() {
            return "{" + name + "}";
        }
    }

    /** A trailing {@code {name+}} segment: matches the rest of the path, one segment or more. */
    record Greedy(String name) implements PathSegment {
        @Override
        public int rank() {
            return 2;
        }

        @Override
        public String text() {
            return "{" + name + "+}";
        }
    }

    /** Parses one segment of a route key's path. */
    static PathSegment parse(String text) {
        if (text.startsWith("{") && text.endsWith("}") && text.length() > 2) {
            var name = text.substring(1, text.length() - 1);
            return name.endsWith("+") ? new Greedy(name.substring(0, name.length() - 1)) : new Variable(name);
        }
        return new Literal(text);
    }
}

package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.List;
import java.util.Locale;

/** What Api and HttpApi events have in common: paths, methods and the API they name. */
final class Routes {

    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");

    private Routes() {}

    /** A path such as {@code /items/{id}}. */
    static String path(Node node) {
        var path = Values.string(node);
        if (!path.startsWith("/")) {
            throw Values.unexpected(node, "a path starting with /");
        }
        return path;
    }

    /** An HTTP method in upper case, or {@code ANY}; SAM accepts any case. */
    static String method(Node node) {
        var method = Values.string(node).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw Values.unexpected(node, "one of " + String.join(", ", METHODS) + ", in any case");
        }
        return method;
    }

    /**
     * The logical id in {@code RestApiId: !Ref MyApi} or {@code ApiId: !Ref MyApi}, which must name an API of
     * {@code type} that exists in the region. SAM needs the reference itself, not the id it would resolve to.
     */
    static String apiReference(Node node, String type, ReadContext context) {
        var expected = "!Ref to an " + type + " of this template";
        if (!(node instanceof Intrinsic call
                && call.function().equals("Ref")
                && call.argument() instanceof Scalar id)) {
            throw Values.unexpected(node, expected);
        }
        var api = context.directory()
                .entry(id.text())
                .filter(entry -> entry.type().equals(type))
                .orElseThrow(() ->
                        node.location().error(id.text() + " is not an " + type + " (expected: " + expected + ")"));
        if (!ResourceDirectory.exists(api, context.resolver())) {
            throw node.location()
                    .error(id.text() + " does not exist in "
                            + context.resolver().context().region() + " because its condition "
                            + api.condition().orElseThrow() + " is false");
        }
        return id.text();
    }
}

package dev.regionless.template.internal.resource;

import dev.regionless.template.CorsSpec;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.ScalarKind;
import dev.regionless.template.internal.node.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads SAM's two CORS dialects: a REST API's {@code Cors}, whose values are header values in single quotes
 * ({@code "'GET,POST'"}), and an HTTP API's {@code CorsConfiguration}, with plain lists or {@code true}.
 */
final class CorsReader {

    private static final Set<String> REST_KEYS =
            Set.of("AllowOrigin", "AllowMethods", "AllowHeaders", "MaxAge", "AllowCredentials");
    private static final Set<String> HTTP_KEYS =
            Set.of("AllowOrigins", "AllowMethods", "AllowHeaders", "ExposeHeaders", "MaxAge", "AllowCredentials");
    private static final String QUOTED = "a value in single quotes, such as \"'*'\" or \"'GET,POST'\"";

    private CorsReader() {}

    /** {@code Cors: "'*'"} (the allowed origin), or a mapping of {@code AllowOrigin}, {@code AllowMethods}, ... */
    static CorsSpec rest(Node cors) {
        if (cors instanceof Scalar) {
            return checked(new CorsSpec(quoted(cors), List.of(), List.of(), List.of(), null, false), cors);
        }
        var mapping = mappingWith(cors, REST_KEYS);
        var origin = mapping.get("AllowOrigin")
                .orElseThrow(
                        () -> mapping.location().child("AllowOrigin").error("is missing (expected: " + QUOTED + ")"));
        var spec = new CorsSpec(
                quoted(origin),
                mapping.get("AllowMethods").map(CorsReader::quoted).orElse(List.of()),
                mapping.get("AllowHeaders").map(CorsReader::quoted).orElse(List.of()),
                List.of(),
                mapping.get("MaxAge").map(CorsReader::restMaxAge).orElse(null),
                mapping.get("AllowCredentials").map(Values::bool).orElse(false));
        return checked(spec, cors);
    }

    /** {@code CorsConfiguration: true} (any origin), {@code false} (none), or a mapping of lists. */
    static Optional<CorsSpec> http(Node cors) {
        if (cors instanceof Scalar) {
            return Values.bool(cors) ? Optional.of(CorsSpec.anyOrigin()) : Optional.empty();
        }
        var mapping = mappingWith(cors, HTTP_KEYS);
        var spec = new CorsSpec(
                mapping.get("AllowOrigins").map(Values::strings).orElse(List.of()),
                mapping.get("AllowMethods").map(Values::strings).orElse(List.of()),
                mapping.get("AllowHeaders").map(Values::strings).orElse(List.of()),
                mapping.get("ExposeHeaders").map(Values::strings).orElse(List.of()),
                mapping.get("MaxAge")
                        .map(node -> Values.integer(node, 0, 86_400))
                        .orElse(null),
                mapping.get("AllowCredentials").map(Values::bool).orElse(false));
        return Optional.of(checked(spec, cors));
    }

    private static Mapping mappingWith(Node node, Set<String> keys) {
        var mapping = Values.mapping(node);
        mapping.entries().forEach((key, value) -> {
            if (!keys.contains(key)) {
                throw value.location()
                        .error("is not a CORS property (expected: one of "
                                + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        });
        return mapping;
    }

    private static List<String> quoted(Node node) {
        var text = Values.string(node);
        if (text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
            throw Values.unexpected(node, QUOTED);
        }
        var values = new ArrayList<String>();
        for (var value : text.substring(1, text.length() - 1).split(",")) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return values;
    }

    private static Integer restMaxAge(Node node) {
        if (node instanceof Scalar scalar
                && scalar.kind() == ScalarKind.STRING
                && scalar.text().startsWith("'")) {
            var values = quoted(node);
            return Values.integer(
                    values.size() == 1 ? Scalar.string(values.get(0), node.location()) : node, 0, Integer.MAX_VALUE);
        }
        return Values.integer(node, 0, Integer.MAX_VALUE);
    }

    private static CorsSpec checked(CorsSpec spec, Node cors) {
        if (spec.allowCredentials() && spec.allowOrigins().contains("*")) {
            throw cors.location()
                    .error("AllowCredentials cannot be true when the allowed origin is * "
                            + "(expected: explicit origins)");
        }
        return spec;
    }
}

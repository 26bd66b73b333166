package dev.regionless.template.internal.resource;

import dev.regionless.template.TemplateException;
import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.List;
import java.util.Optional;

/**
 * Typed, on-demand access to a mapping of properties: each property is evaluated only when read, so properties that
 * are ignored are never evaluated, and {@code AWS::NoValue} reads as absent.
 */
final class Properties {

    private final Mapping raw;
    private final Resolver resolver;

    Properties(Mapping raw, Resolver resolver) {
        this.raw = raw;
        this.resolver = resolver;
    }

    /** The properties as written, not evaluated. */
    Mapping raw() {
        return raw;
    }

    Resolver resolver() {
        return resolver;
    }

    /** The property evaluated, or empty if absent or {@code AWS::NoValue}. */
    Optional<Node> get(String name) {
        return raw.get(name).flatMap(resolver::resolve);
    }

    Node required(String name, String expected) {
        return get(name).orElseThrow(() -> missing(name, expected));
    }

    TemplateException missing(String name, String expected) {
        return raw.location().child(name).error("is missing (expected: " + expected + ")");
    }

    Optional<String> string(String name) {
        return get(name).map(Values::string);
    }

    String requiredString(String name, String expected) {
        return Values.string(required(name, expected));
    }

    Optional<Integer> integer(String name, int min, int max) {
        return get(name).map(node -> Values.integer(node, min, max));
    }

    Optional<Mapping> mapping(String name) {
        return get(name).map(Values::mapping);
    }

    Optional<List<String>> strings(String name) {
        return get(name).map(Values::strings);
    }
}

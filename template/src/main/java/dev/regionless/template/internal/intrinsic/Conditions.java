package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The template's {@code Conditions}, each evaluated at most once, on first use, so that a condition that references
 * an unused parameter costs nothing and a cycle between conditions is reported where it closes.
 */
public final class Conditions {

    private static final String CONDITION_FUNCTION =
            "a condition function: Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition";

    private final Mapping definitions;
    private final Map<String, Boolean> values = new HashMap<>();
    private final LinkedHashSet<String> evaluating = new LinkedHashSet<>();

    private Conditions(Mapping definitions) {
        this.definitions = definitions;
    }

    public static Conditions read(Optional<Node> section, Location owner) {
        return new Conditions(section.filter(node -> !(node instanceof Scalar s && s.isNull()))
                .map(Values::mapping)
                .orElse(Mapping.empty(owner.child("Conditions"))));
    }

    public boolean has(String name) {
        return definitions.has(name);
    }

    /** The value of condition {@code name}, referenced at {@code usedAt}. */
    boolean evaluate(String name, Location usedAt, Resolver resolver) {
        var definition = definitions
                .get(name)
                .orElseThrow(() -> usedAt.error("condition " + name + " is not defined (expected: one of "
                        + String.join(", ", definitions.entries().keySet()) + ")"));
        var known = values.get(name);
        if (known != null) {
            return known;
        }
        if (!evaluating.add(name)) {
            throw usedAt.error("circular condition: " + String.join(" -> ", evaluating) + " -> " + name);
        }
        try {
            boolean value = expression(definition, resolver);
            values.put(name, value);
            return value;
        } finally {
            evaluating.remove(name);
        }
    }

    /** Evaluates a condition function: Fn::Equals, Fn::Not, Fn::And, Fn::Or, or a reference to a condition. */
    boolean expression(Node node, Resolver resolver) {
        if (node instanceof Mapping mapping && mapping.entries().size() == 1 && mapping.has("Condition")) {
            return evaluate(name(mapping.get("Condition").orElseThrow()), node.location(), resolver);
        }
        if (!(node instanceof Intrinsic call)) {
            throw Values.unexpected(node, CONDITION_FUNCTION);
        }
        return switch (call.function()) {
            case "Fn::Equals" -> {
                var args = Arguments.list(call, 2, 2, "[value, value]");
                yield canonical(resolver.required(args.get(0))).equals(canonical(resolver.required(args.get(1))));
            }
            case "Fn::Not" ->
                !expression(Arguments.list(call, 1, 1, "[condition]").get(0), resolver);
            case "Fn::And" ->
                Arguments.list(call, 2, 10, "2 to 10 conditions").stream()
                        .allMatch(condition -> expression(condition, resolver));
            case "Fn::Or" ->
                Arguments.list(call, 2, 10, "2 to 10 conditions").stream()
                        .anyMatch(condition -> expression(condition, resolver));
            case "Condition" -> evaluate(name(call.argument()), call.location(), resolver);
            default -> throw Values.unexpected(node, CONDITION_FUNCTION);
        };
    }

    private static String name(Node node) {
        if (node instanceof Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw Values.unexpected(node, "a condition name");
    }

    /** A form in which equal CloudFormation values are equal strings: scalars by text, lists item by item. */
    private static String canonical(Node node) {
        return switch (node) {
            case Scalar scalar -> "'" + scalar.text() + "'";
            case Sequence list ->
                list.items().stream().map(Conditions::canonical).collect(Collectors.joining(",", "[", "]"));
            case Mapping mapping ->
                mapping.entries().entrySet().stream()
                        .map(e -> e.getKey() + "=" + canonical(e.getValue()))
                        .collect(Collectors.joining(",", "{", "}"));
            case Intrinsic call -> call.function();
        };
    }
}

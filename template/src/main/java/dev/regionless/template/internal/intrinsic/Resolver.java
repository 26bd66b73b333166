package dev.regionless.template.internal.intrinsic;

import static java.util.Objects.requireNonNull;

import dev.regionless.template.TemplateContext;
import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates every intrinsic function in a node tree for one region. {@code AWS::NoValue} removes the mapping entry
 * or list item it stands in; at the top it gives an empty result, meaning "as if the property were not there".
 */
public final class Resolver {

    private final TemplateContext context;
    private final PseudoParameters pseudoParameters;
    private final Parameters parameters;
    private final Mappings mappings;
    private final Conditions conditions;
    private final ResourceLookup resources;

    public Resolver(
            TemplateContext context,
            Parameters parameters,
            Mappings mappings,
            Conditions conditions,
            ResourceLookup resources) {
        this.context = requireNonNull(context, "context");
        this.pseudoParameters = new PseudoParameters(context);
        this.parameters = requireNonNull(parameters, "parameters");
        this.mappings = requireNonNull(mappings, "mappings");
        this.conditions = requireNonNull(conditions, "conditions");
        this.resources = requireNonNull(resources, "resources");
    }

    public TemplateContext context() {
        return context;
    }

    /** {@code node} with every intrinsic evaluated, or empty if it is {@code AWS::NoValue}. */
    public Optional<Node> resolve(Node node) {
        return switch (node) {
            case Scalar scalar -> Optional.of(scalar);
            case Sequence list -> {
                var items = new ArrayList<Node>();
                list.items().forEach(item -> resolve(item).ifPresent(items::add));
                yield Optional.of(new Sequence(items, list.location()));
            }
            case Mapping mapping -> {
                var entries = new LinkedHashMap<String, Node>();
                mapping.entries().forEach((key, value) -> resolve(value).ifPresent(v -> entries.put(key, v)));
                yield Optional.of(new Mapping(entries, mapping.location()));
            }
            case Intrinsic call -> Intrinsics.apply(call, this);
        };
    }

    /** {@code node} with every intrinsic evaluated, where {@code AWS::NoValue} is not allowed. */
    public Node required(Node node) {
        return resolve(node)
                .orElseThrow(() -> node.location().error("AWS::NoValue is not allowed here (expected: a value)"));
    }

    /** {@code node} evaluated to text. */
    public String string(Node node) {
        return Values.string(required(node));
    }

    /** {@code node} evaluated to a list. */
    public List<Node> list(Node node) {
        var value = required(node);
        if (value instanceof Sequence list) {
            return list.items();
        }
        throw Values.unexpected(value, "a list");
    }

    /** The value of condition {@code name}, referenced at {@code usedAt}. */
    public boolean condition(String name, Location usedAt) {
        return conditions.evaluate(name, usedAt, this);
    }

    PseudoParameters pseudoParameters() {
        return pseudoParameters;
    }

    Parameters parameters() {
        return parameters;
    }

    Mappings mappings() {
        return mappings;
    }

    Conditions conditions() {
        return conditions;
    }

    ResourceLookup resources() {
        return resources;
    }
}

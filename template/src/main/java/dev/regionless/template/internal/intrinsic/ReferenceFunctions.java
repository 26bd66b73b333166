package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Sequence;
import java.util.Optional;

/** {@code Ref}, {@code Fn::GetAtt} and {@code Fn::FindInMap}: the functions that look a name up. */
final class ReferenceFunctions {

    private ReferenceFunctions() {}

    static Optional<Node> ref(Intrinsic call, Resolver resolver) {
        var name = Arguments.literal(call.argument(), call, "a parameter, resource or pseudo parameter name");
        if (name.equals("AWS::NoValue")) {
            return Optional.empty();
        }
        return Optional.of(reference(name, call.location(), resolver));
    }

    /** The value of {@code Ref name}, also used by {@code Fn::Sub} for {@code ${name}}. */
    static Node reference(String name, Location usedAt, Resolver resolver) {
        if (name.startsWith("AWS::")) {
            return resolver.pseudoParameters().value(name, usedAt);
        }
        if (resolver.parameters().has(name)) {
            return resolver.parameters().value(name, usedAt);
        }
        if (resolver.resources().declares(name)) {
            return resolver.resources().ref(name, usedAt, resolver);
        }
        throw usedAt.error("Ref: " + (name.isEmpty() ? "\"\"" : name)
                + " is not a parameter, resource or pseudo parameter of this template");
    }

    static Optional<Node> getAtt(Intrinsic call, Resolver resolver) {
        var shape = "LogicalId.Attribute, or [LogicalId, Attribute]";
        return Optional.of(
                switch (call.argument()) {
                    case Scalar scalar
                    when scalar.text().indexOf('.') > 0 -> {
                        var dot = scalar.text().indexOf('.');
                        yield attribute(
                                scalar.text().substring(0, dot), scalar.text().substring(dot + 1), call, resolver);
                    }
                    case Sequence list
                    when list.items().size() == 2 ->
                        attribute(
                                Arguments.literal(list.items().get(0), call, shape),
                                resolver.string(list.items().get(1)),
                                call,
                                resolver);
                    default -> throw Arguments.wrong(call, shape);
                });
    }

    /** The value of {@code Fn::GetAtt resource.attribute}, also used by {@code Fn::Sub} for {@code ${A.B}}. */
    static Node attribute(String resource, String attribute, Intrinsic call, Resolver resolver) {
        if (!resolver.resources().declares(resource)) {
            var why = resolver.parameters().has(resource) ? " (parameters have no attributes)" : "";
            throw call.location()
                    .error(call.function() + ": " + resource + " is not a resource of this template" + why);
        }
        return resolver.resources().attribute(resource, attribute, call.location(), resolver);
    }

    static Optional<Node> findInMap(Intrinsic call, Resolver resolver) {
        var args = Arguments.list(call, 3, 3, "[MapName, TopLevelKey, SecondLevelKey]");
        return Optional.of(resolver.mappings()
                .find(
                        resolver.string(args.get(0)),
                        resolver.string(args.get(1)),
                        resolver.string(args.get(2)),
                        call.location()));
    }
}

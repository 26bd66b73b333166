package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import java.util.Optional;

/** {@code Fn::If}, and condition functions used as values, which give {@code true} or {@code false}. */
final class ConditionFunctions {

    private ConditionFunctions() {}

    static Optional<Node> ifThenElse(Intrinsic call, Resolver resolver) {
        var args = Arguments.list(call, 3, 3, "[ConditionName, valueIfTrue, valueIfFalse]");
        var condition = Arguments.literal(args.get(0), call, "[ConditionName, valueIfTrue, valueIfFalse]");
        return resolver.resolve(resolver.condition(condition, call.location()) ? args.get(1) : args.get(2));
    }

    static Optional<Node> condition(Intrinsic call, Resolver resolver) {
        return Optional.of(Scalar.bool(resolver.conditions().expression(call, resolver), call.location()));
    }
}

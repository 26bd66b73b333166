package dev.regionless.template.internal.intrinsic;

import static java.util.Map.entry;

import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Node;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The intrinsic functions Regionless evaluates, by the name CloudFormation gives them. */
final class Intrinsics {

    /** One intrinsic function; an empty result stands for {@code AWS::NoValue}. */
    @FunctionalInterface
    interface Function {
        Optional<Node> apply(Intrinsic call, Resolver resolver);
    }

    private static final Map<String, Function> FUNCTIONS = Map.ofEntries(
            entry("Ref", ReferenceFunctions::ref),
            entry("Fn::GetAtt", ReferenceFunctions::getAtt),
            entry("Fn::FindInMap", ReferenceFunctions::findInMap),
            entry("Fn::Sub", SubFunction::sub),
            entry("Fn::If", ConditionFunctions::ifThenElse),
            entry("Fn::Equals", ConditionFunctions::condition),
            entry("Fn::Not", ConditionFunctions::condition),
            entry("Fn::And", ConditionFunctions::condition),
            entry("Fn::Or", ConditionFunctions::condition),
            entry("Condition", ConditionFunctions::condition),
            entry("Fn::Join", ListFunctions::join),
            entry("Fn::Select", ListFunctions::select),
            entry("Fn::Split", ListFunctions::split),
            entry("Fn::GetAZs", ListFunctions::getAZs),
            entry("Fn::Base64", ListFunctions::base64));

    private Intrinsics() {}

    static Optional<Node> apply(Intrinsic call, Resolver resolver) {
        var function = FUNCTIONS.get(call.function());
        if (function == null) {
            throw call.location()
                    .error(call.function() + " is not supported (expected: one of "
                            + String.join(", ", new TreeSet<>(FUNCTIONS.keySet())) + ")");
        }
        return function.apply(call, resolver);
    }
}

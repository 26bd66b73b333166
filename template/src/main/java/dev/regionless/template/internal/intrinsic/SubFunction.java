package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.ScalarKind;
import dev.regionless.template.internal.node.Sequence;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Fn::Sub}: replaces {@code ${Name}} with a variable, a parameter, a pseudo parameter or a resource's Ref,
 * {@code ${Resource.Attribute}} with that attribute, and {@code ${!Text}} with the literal {@code ${Text}}.
 */
final class SubFunction {

    private static final String SHAPE = "a string, or [string, {Name: value, ...}]";

    private SubFunction() {}

    static Optional<Node> sub(Intrinsic call, Resolver resolver) {
        return Optional.of(
                switch (call.argument()) {
                    case Scalar text
                    when text.kind() != ScalarKind.NULL -> substitute(text.text(), Map.of(), call, resolver);
                    case Sequence list
                    when list.items().size() == 2
                            && list.items().get(0) instanceof Scalar text
                            && !text.isNull()
                            && list.items().get(1) instanceof Mapping variables ->
                        substitute(text.text(), variables.entries(), call, resolver);
                    default -> throw Arguments.wrong(call, SHAPE);
                });
    }

    private static Scalar substitute(String template, Map<String, Node> variables, Intrinsic call, Resolver resolver) {
        var out = new StringBuilder();
        int from = 0;
        while (from < template.length()) {
            int start = template.indexOf("${", from);
            int end = start < 0 ? -1 : template.indexOf('}', start);
            if (end < 0) {
                out.append(template, from, template.length());
                break;
            }
            out.append(template, from, start);
            var name = template.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name, 1, name.length()).append('}');
            } else {
                out.append(value(name.trim(), variables, call, resolver));
            }
            from = end + 1;
        }
        return Scalar.string(out.toString(), call.location());
    }

    private static String value(String name, Map<String, Node> variables, Intrinsic call, Resolver resolver) {
        Node value;
        if (variables.containsKey(name)) {
            value = resolver.required(variables.get(name));
        } else if (name.startsWith("AWS::") || name.indexOf('.') < 0) {
            value = ReferenceFunctions.reference(name, call.location(), resolver);
        } else {
            var dot = name.indexOf('.');
            value = ReferenceFunctions.attribute(name.substring(0, dot), name.substring(dot + 1), call, resolver);
        }
        if (value instanceof Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw call.location().error("Fn::Sub: ${" + name + "} is " + value.display() + " (expected: a string)");
    }
}

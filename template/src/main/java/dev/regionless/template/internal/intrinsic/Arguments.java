package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.TemplateException;
import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.ScalarKind;
import dev.regionless.template.internal.node.Sequence;
import java.util.List;

/** Checks the shape of an intrinsic function's argument before it is evaluated. */
final class Arguments {

    private Arguments() {}

    /** The argument as a literal list of {@code min..max} items. */
    static List<Node> list(Intrinsic call, int min, int max, String shape) {
        if (call.argument() instanceof Sequence list
                && list.items().size() >= min
                && list.items().size() <= max) {
            return list.items();
        }
        throw wrong(call, shape);
    }

    /** {@code node} as literal text, such as a logical id or a condition name; intrinsics are not allowed there. */
    static String literal(Node node, Intrinsic call, String shape) {
        if (node instanceof Scalar scalar && scalar.kind() != ScalarKind.NULL) {
            return scalar.text();
        }
        throw wrong(call, shape);
    }

    static TemplateException wrong(Intrinsic call, String shape) {
        return call.location().error(call.function() + ": " + call.argument().display() + " (expected: " + shape + ")");
    }
}

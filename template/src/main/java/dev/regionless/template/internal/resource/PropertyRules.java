package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.node.Mapping;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Regionless does with each property of one type: honour it (its reader reads it), ignore it with a warning
 * because ignoring cannot change how the application behaves here, or reject it because it would.
 *
 * @param owner how the owner is named in messages, such as {@code AWS::Serverless::Function}
 * @param honoured properties a reader handles
 * @param ignored property → why ignoring it is harmless, shown in the warning
 * @param rejected property → what to do instead, shown in the error
 */
record PropertyRules(String owner, Set<String> honoured, Map<String, String> ignored, Map<String, String> rejected) {

    /** Warns about ignored properties and rejects unsupported and unknown ones. */
    void check(Mapping properties, ReadContext context) {
        properties.entries().forEach((name, value) -> {
            if (honoured.contains(name)) {
                return;
            }
            var reason = ignored.get(name);
            if (reason != null) {
                context.warn(value.location(), "is ignored (" + reason + ")");
                return;
            }
            var instead = rejected.get(name);
            if (instead != null) {
                throw value.location().error("is not supported by Regionless (expected: " + instead + ")");
            }
            var known = new TreeSet<>(honoured);
            known.addAll(ignored.keySet());
            throw value.location()
                    .error("is not a property of " + owner + " (expected: one of " + String.join(", ", known) + ")");
        });
    }
}

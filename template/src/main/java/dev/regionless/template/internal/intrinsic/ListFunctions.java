package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::GetAZs} and {@code Fn::Base64}. */
final class ListFunctions {

    private ListFunctions() {}

    static Optional<Node> join(Intrinsic call, Resolver resolver) {
        var args = Arguments.list(call, 2, 2, "[delimiter, [value, ...]]");
        var delimiter = Arguments.literal(args.get(0), call, "[delimiter, [value, ...]]");
        var parts = new ArrayList<String>();
        for (var item : resolver.list(args.get(1))) {
            parts.add(Values.string(item));
        }
        return Optional.of(Scalar.string(String.join(delimiter, parts), call.location()));
    }

    static Optional<Node> select(Intrinsic call, Resolver resolver) {
        var args = Arguments.list(call, 2, 2, "[index, [value, ...]]");
        var index = Values.integer(resolver.required(args.get(0)), 0, Integer.MAX_VALUE);
        var items = resolver.list(args.get(1));
        if (index >= items.size()) {
            throw call.location()
                    .error("Fn::Select: index " + index + " is out of range (expected: "
                            + (items.isEmpty() ? "a non-empty list" : "0.." + (items.size() - 1)) + ")");
        }
        return Optional.of(Node.relocated(items.get(index), call.location()));
    }

    static Optional<Node> split(Intrinsic call, Resolver resolver) {
        var args = Arguments.list(call, 2, 2, "[delimiter, string]");
        var delimiter = Arguments.literal(args.get(0), call, "[delimiter, string]");
        if (delimiter.isEmpty()) {
            throw Arguments.wrong(call, "a non-empty delimiter");
        }
        var items = new ArrayList<Node>();
        for (var part : resolver.string(args.get(1)).split(Pattern.quote(delimiter), -1)) {
            items.add(Scalar.string(
                    part, call.location().item(items.size(), call.location().line())));
        }
        return Optional.of(new Sequence(items, call.location()));
    }

    static Optional<Node> getAZs(Intrinsic call, Resolver resolver) {
        var region = resolver.string(call.argument());
        var name = region.isEmpty() ? resolver.context().region() : region;
        var zones = new ArrayList<Node>();
        for (var zone : List.of("a", "b", "c")) {
            zones.add(Scalar.string(
                    name + zone,
                    call.location().item(zones.size(), call.location().line())));
        }
        return Optional.of(new Sequence(zones, call.location()));
    }

    static Optional<Node> base64(Intrinsic call, Resolver resolver) {
        var text = resolver.string(call.argument());
        var encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return Optional.of(Scalar.string(encoded, call.location()));
    }
}

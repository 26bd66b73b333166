package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.node.Intrinsic;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rejects templates whose resources depend on each other in a circle, through {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub} or {@code DependsOn}, as CloudFormation does, even where Regionless itself would not need the value
 * (a function whose environment names its own ARN cannot be created on AWS either).
 */
final class DependencyGraph {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, Map<String, Location>> edges = new LinkedHashMap<>();
    private final Set<String> done = new HashSet<>();

    private DependencyGraph() {}

    static void check(Map<String, ResourceEntry> resources) {
        var graph = new DependencyGraph();
        resources.values().forEach(entry -> graph.edges.put(entry.logicalId(), dependencies(entry, resources)));
        for (var logicalId : resources.keySet()) {
            graph.visit(logicalId, new ArrayList<>());
        }
    }

    private void visit(String logicalId, List<String> path) {
        if (done.contains(logicalId)) {
            return;
        }
        path.add(logicalId);
        for (var dependency : edges.get(logicalId).entrySet()) {
            var target = dependency.getKey();
            if (path.contains(target)) {
                var circle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
                circle.add(target);
                throw dependency
                        .getValue()
                        .error("circular dependency between resources: " + String.join(" -> ", circle));
            }
            visit(target, path);
        }
        path.remove(path.size() - 1);
        done.add(logicalId);
    }

    private static Map<String, Location> dependencies(ResourceEntry entry, Map<String, ResourceEntry> resources) {
        var references = new LinkedHashMap<String, Location>();
        entry.properties().entries().forEach((name, value) -> {
            // SAM turns a function's events into resources of their own, which depend on the function instead.
            if (!(entry.type().equals(FunctionKind.TYPE) && name.equals("Events"))) {
                collect(value, references);
            }
        });
        references.keySet().retainAll(resources.keySet());
        dependsOn(entry, resources).forEach(references::putIfAbsent);
        return references;
    }

    private static Map<String, Location> dependsOn(ResourceEntry entry, Map<String, ResourceEntry> resources) {
        var targets = new LinkedHashMap<String, Location>();
        entry.dependsOn().ifPresent(node -> {
            var names = node instanceof Sequence ? Values.strings(node) : List.of(Values.string(node));
            for (var name : names) {
                if (!resources.containsKey(name)) {
                    throw node.location().error(name + " is not a resource of this template");
                }
                targets.put(name, node.location());
            }
        });
        return targets;
    }

    private static void collect(Node node, Map<String, Location> references) {
        switch (node) {
            case Scalar scalar -> {}
            case Sequence list -> list.items().forEach(item -> collect(item, references));
            case Mapping mapping -> mapping.entries().values().forEach(value -> collect(value, references));
            case Intrinsic call -> {
                referencesOf(call).forEach(name -> references.putIfAbsent(name, call.location()));
                collect(call.argument(), references);
            }
        }
    }

    private static List<String> referencesOf(Intrinsic call) {
        var argument = call.argument();
        return switch (call.function()) {
            case "Ref" -> argument instanceof Scalar name ? List.of(name.text()) : List.of();
            case "Fn::GetAtt" ->
                switch (argument) {
                    case Scalar name -> List.of(name.text().split("\\.", 2)[0]);
                    case Sequence list
                    when !list.items().isEmpty() && list.items().get(0) instanceof Scalar name -> List.of(name.text());
                    default -> List.of();
                };
            case "Fn::Sub" -> subReferences(argument);
            default -> List.of();
        };
    }

    private static List<String> subReferences(Node argument) {
        Node template = argument;
        Set<String> variables = Set.of();
        if (argument instanceof Sequence list && list.items().size() == 2) {
            template = list.items().get(0);
            variables =
                    list.items().get(1) instanceof Mapping vars ? vars.entries().keySet() : Set.of();
        }
        if (!(template instanceof Scalar text)) {
            return List.of();
        }
        var names = new ArrayList<String>();
        var matcher = SUB_VARIABLE.matcher(text.text());
        while (matcher.find()) {
            var name = matcher.group(1).trim();
            if (!variables.contains(name) && !name.startsWith("AWS::")) {
                names.add(name.split("\\.", 2)[0]);
            }
        }
        return names;
    }
}

package dev.regionless.template.internal.resource;

import dev.regionless.template.Application;
import dev.regionless.template.internal.intrinsic.Conditions;
import dev.regionless.template.internal.intrinsic.Parameters;
import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.ResourceLookup;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Resources} section: every entry checked for shape and type, with its globals merged. It answers
 * {@code Ref} and {@code Fn::GetAtt} for the resolver, and reads the resources that exist in the region into an
 * {@link Application}.
 */
public final class ResourceDirectory implements ResourceLookup {

    static final String IMPLICIT_REST_API = "ServerlessRestApi";
    static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    private static final Set<String> ATTRIBUTES = Set.of(
            "Type",
            "Properties",
            "Condition",
            "DependsOn",
            "Metadata",
            "DeletionPolicy",
            "UpdateReplacePolicy",
            "UpdatePolicy",
            "CreationPolicy",
            "IgnoreGlobals");
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");

    private final Map<String, ResourceEntry> entries;
    private final Globals globals;
    private final LinkedHashSet<String> resolving = new LinkedHashSet<>();

    private ResourceDirectory(Map<String, ResourceEntry> entries, Globals globals) {
        this.entries = entries;
        this.globals = globals;
    }

    /** Reads the {@code Resources} section; fails on the first entry Regionless cannot take. */
    public static ResourceDirectory read(Node section, Globals globals, Parameters parameters, Conditions conditions) {
        var resources = Values.mapping(section);
        if (resources.entries().isEmpty()) {
            throw Values.unexpected(resources, "at least one resource");
        }
        var entries = new LinkedHashMap<String, ResourceEntry>();
        resources.entries().forEach((logicalId, node) -> {
            if (!LOGICAL_ID.matcher(logicalId).matches()) {
                throw node.location().error("logical id " + logicalId + " (expected: letters and digits only)");
            }
            if (parameters.has(logicalId)) {
                throw node.location().error("is also the name of a parameter (expected: a unique logical id)");
            }
            entries.put(logicalId, entry(logicalId, Values.mapping(node), globals, conditions));
        });
        DependencyGraph.check(entries);
        return new ResourceDirectory(entries, globals);
    }

    private static ResourceEntry entry(String logicalId, Mapping resource, Globals globals, Conditions conditions) {
        resource.entries().forEach((attribute, value) -> {
            if (!ATTRIBUTES.contains(attribute)) {
                throw value.location()
                        .error("is not a resource attribute (expected: one of "
                                + String.join(", ", ATTRIBUTES.stream().sorted().toList()) + ")");
            }
        });
        var typeNode = resource.get("Type")
                .orElseThrow(() -> resource.location().child("Type").error("is missing (expected: a resource type)"));
        var type = literal(typeNode, "a resource type such as AWS::Serverless::Function");
        var kind = ResourceTypes.of(type)
                .orElseThrow(
                        () -> typeNode.location().error(type + " is not supported yet" + ResourceTypes.planned(type)));
        var condition = resource.get("Condition").map(node -> literal(node, "a condition name"));
        if (condition.isPresent() && !conditions.has(condition.get())) {
            throw resource.get("Condition")
                    .orElseThrow()
                    .location()
                    .error(condition.get() + " is not defined in Conditions");
        }
        var properties = resource.get("Properties")
                .filter(node -> !(node instanceof Scalar scalar && scalar.isNull()))
                .map(Values::mapping)
                .orElse(Mapping.empty(resource.location().child("Properties")));
        var merged = kind.globalsSection()
                .map(section -> globals.merge(section, properties, resource.get("IgnoreGlobals")))
                .orElse(properties);
        return new ResourceEntry(logicalId, type, merged, condition, resource);
    }

    private static String literal(Node node, String expected) {
        if (node instanceof Scalar scalar && !scalar.isNull()) {
            return scalar.text();
        }
        throw Values.unexpected(node, expected);
    }

    /** The location of the first {@code AWS::Serverless::*} resource, which needs the SAM transform. */
    public Optional<Location> firstServerlessResource() {
        return entries.values().stream()
                .filter(entry -> entry.type().startsWith("AWS::Serverless::"))
                .map(ResourceEntry::typeLocation)
                .findFirst();
    }

    /** Reads every resource that exists in the resolver's region, then the APIs their events build. */
    public Application application(Resolver resolver, Path templateFolder, List<String> warnings) {
        var context = new ReadContext(resolver, templateFolder, this, warnings);
        for (var entry : entries.values()) {
            if (exists(entry, resolver)) {
                kindOf(entry).read(entry, context);
            }
        }
        context.checkEventInvokeConfigs();
        var apis = context.apis().build(context);
        var webSocketApis = context.webSockets().build(context);
        TemplateLint.check(context, apis, webSocketApis);
        return new Application(
                resolver.context().stackName(),
                context.functions(),
                apis,
                context.tables(),
                webSocketApis,
                context.streamEvents(),
                context.routing().records(),
                context.routing().healthChecks(),
                context.queues(),
                context.schedules(),
                context.topics(),
                context.subscriptions(),
                context.eventInvokeConfigs(),
                context.queueEvents(),
                warnings);
    }

    Optional<ResourceEntry> entry(String logicalId) {
        return Optional.ofNullable(entries.get(logicalId));
    }

    /** The logical id of the table named {@code tableName} in this region, if the template declares one. */
    Optional<String> tableNamed(String tableName, Resolver resolver) {
        return entries.values().stream()
                .filter(entry -> TableKind.isTable(entry.type()) && exists(entry, resolver))
                .filter(entry -> TableKind.name(entry, resolver).equals(tableName))
                .map(ResourceEntry::logicalId)
                .findFirst();
    }

    Globals globals() {
        return globals;
    }

    static boolean exists(ResourceEntry entry, Resolver resolver) {
        return entry.condition()
                .map(condition -> resolver.condition(condition, entry.conditionLocation()))
                .orElse(true);
    }

    /** The entry, which must exist in this region. */
    ResourceEntry existing(String logicalId, Location usedAt, Resolver resolver) {
        var entry = entries.get(logicalId);
        if (entry == null) {
            return implicitApi(logicalId, usedAt, resolver);
        }
        if (!exists(entry, resolver)) {
            throw usedAt.error(
                    logicalId + " does not exist in " + resolver.context().region() + " because its condition "
                            + entry.condition().orElseThrow() + " is false");
        }
        return entry;
    }

    private ResourceEntry implicitApi(String logicalId, Location usedAt, Resolver resolver) {
        var eventType = logicalId.equals(IMPLICIT_REST_API) ? "Api" : "HttpApi";
        var used = entries.values().stream()
                .filter(entry -> entry.type().equals(FunctionKind.TYPE) && exists(entry, resolver))
                .anyMatch(entry -> FunctionEvents.usesImplicitApi(entry, eventType));
        if (!used) {
            throw usedAt.error(logicalId + " does not exist because no function has an " + eventType + " event on it");
        }
        return ApiRegistry.implicitEntry(logicalId, globals, usedAt);
    }

    @Override
    public boolean declares(String logicalId) {
        return entries.containsKey(logicalId)
                || logicalId.equals(IMPLICIT_REST_API)
                || logicalId.equals(IMPLICIT_HTTP_API);
    }

    @Override
    public Node ref(String logicalId, Location usedAt, Resolver resolver) {
        var entry = existing(logicalId, usedAt, resolver);
        return guarded(logicalId, usedAt, () -> kindOf(entry).ref(entry, usedAt, resolver));
    }

    @Override
    public Node attribute(String logicalId, String attribute, Location usedAt, Resolver resolver) {
        var entry = existing(logicalId, usedAt, resolver);
        return guarded(logicalId, usedAt, () -> kindOf(entry).attribute(entry, attribute, usedAt, resolver));
    }

    private static ResourceKind kindOf(ResourceEntry entry) {
        return ResourceTypes.of(entry.type()).orElseThrow();
    }

    private Node guarded(String logicalId, Location usedAt, Supplier<Node> value) {
        if (!resolving.add(logicalId)) {
            throw usedAt.error("circular reference: " + String.join(" -> ", resolving) + " -> " + logicalId);
        }
        try {
            return value.get();
        } finally {
            resolving.remove(logicalId);
        }
    }
}

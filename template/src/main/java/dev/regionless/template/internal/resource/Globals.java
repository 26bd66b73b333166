package dev.regionless.template.internal.resource;

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
import java.util.Optional;

/**
 * SAM's {@code Globals} section, merged into resources the way SAM does it: the resource's value wins for scalars
 * (and intrinsic functions, which count as scalars) and when the two values differ in kind; mappings are merged key
 * by key with the same rules; lists are concatenated, globals first. The properties each section accepts are SAM's.
 */
public final class Globals {

    private static final Map<String, List<String>> SUPPORTED = Map.of(
            "Function",
                    List.of(
                            "Handler",
                            "Runtime",
                            "CodeUri",
                            "DeadLetterQueue",
                            "Description",
                            "MemorySize",
                            "Timeout",
                            "VpcConfig",
                            "Environment",
                            "Tags",
                            "PropagateTags",
                            "Tracing",
                            "KmsKeyArn",
                            "AutoPublishAlias",
                            "AutoPublishAliasAllProperties",
                            "Layers",
                            "DeploymentPreference",
                            "RolePath",
                            "PermissionsBoundary",
                            "ReservedConcurrentExecutions",
                            "ProvisionedConcurrencyConfig",
                            "AssumeRolePolicyDocument",
                            "EventInvokeConfig",
                            "FileSystemConfigs",
                            "CodeSigningConfigArn",
                            "Architectures",
                            "SnapStart",
                            "EphemeralStorage",
                            "FunctionUrlConfig",
                            "RuntimeManagementConfig",
                            "LoggingConfig",
                            "RecursiveLoop",
                            "SourceKMSKeyArn"),
            "Api",
                    List.of(
                            "Auth",
                            "Name",
                            "DefinitionUri",
                            "CacheClusterEnabled",
                            "CacheClusterSize",
                            "MergeDefinitions",
                            "Variables",
                            "EndpointConfiguration",
                            "MethodSettings",
                            "BinaryMediaTypes",
                            "MinimumCompressionSize",
                            "Cors",
                            "GatewayResponses",
                            "AccessLogSetting",
                            "CanarySetting",
                            "TracingEnabled",
                            "OpenApiVersion",
                            "Domain",
                            "AlwaysDeploy",
                            "PropagateTags"),
            "HttpApi",
                    List.of(
                            "Auth",
                            "AccessLogSettings",
                            "StageVariables",
                            "Tags",
                            "CorsConfiguration",
                            "DefaultRouteSettings",
                            "Domain",
                            "RouteSettings",
                            "FailOnWarnings",
                            "PropagateTags"),
            "SimpleTable", List.of("SSESpecification"),
            // Sections for types Regionless does not run; accepted so that a template using them still reads.
            "StateMachine", List.of("PropagateTags"),
            "LayerVersion", List.of("PublishLambdaVersion"));

    private final Map<String, Mapping> sections;
    private final Optional<Location> location;

    private Globals(Map<String, Mapping> sections, Optional<Location> location) {
        this.sections = sections;
        this.location = location;
    }

    public static Globals read(Optional<Node> section) {
        if (section.isEmpty()) {
            return new Globals(Map.of(), Optional.empty());
        }
        var globals = Values.mapping(section.get());
        var sections = new LinkedHashMap<String, Mapping>();
        globals.entries().forEach((name, value) -> {
            var supported = SUPPORTED.get(name);
            if (supported == null) {
                throw value.location()
                        .error("is not a Globals section (expected: one of "
                                + String.join(
                                        ", ",
                                        SUPPORTED.keySet().stream().sorted().toList()) + ")");
            }
            var properties = Values.mapping(value);
            for (var property : properties.entries().entrySet()) {
                if (!supported.contains(property.getKey())) {
                    throw property.getValue()
                            .location()
                            .error("is not supported in Globals." + name + " (expected: one of "
                                    + String.join(", ", supported) + ")");
                }
            }
            sections.put(name, properties);
        });
        return new Globals(sections, Optional.of(globals.location()));
    }

    /** Where the section is, if the template has one; a template with Globals needs the SAM transform. */
    public Optional<Location> location() {
        return location;
    }

    /**
     * {@code local} with Globals section {@code section} merged in, unless {@code ignoreGlobals} (SAM's
     * {@code IgnoreGlobals} resource attribute: {@code "*"} or a list of property names) says otherwise.
     */
    Mapping merge(String section, Mapping local, Optional<Node> ignoreGlobals) {
        var global = sections.get(section);
        if (global == null) {
            return local;
        }
        var ignored = new HashSet<String>();
        if (ignoreGlobals.isPresent()) {
            var value = ignoreGlobals.get();
            if (value instanceof Scalar scalar && scalar.text().equals("*")) {
                return local;
            }
            for (var name : Values.strings(value)) {
                if (!global.has(name)) {
                    throw value.location()
                            .error(name + " is not in Globals." + section + " (expected: one of "
                                    + String.join(", ", global.entries().keySet()) + ")");
                }
                ignored.add(name);
            }
        }
        var entries = new LinkedHashMap<>(global.entries());
        entries.keySet().removeAll(ignored);
        return (Mapping) merge(new Mapping(entries, global.location()), local);
    }

    private static Node merge(Node global, Node local) {
        if (global instanceof Mapping globalMap && local instanceof Mapping localMap) {
            var entries = new LinkedHashMap<>(globalMap.entries());
            localMap.entries().forEach((key, value) -> entries.merge(key, value, Globals::merge));
            return new Mapping(entries, localMap.location());
        }
        if (global instanceof Sequence globalList && local instanceof Sequence localList) {
            var items = new ArrayList<>(globalList.items());
            items.addAll(localList.items());
            return new Sequence(items, localList.location());
        }
        // Scalars, intrinsic functions (which resolve to scalars) and values of different kinds: the resource wins.
        return local;
    }
}

package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::Lambda::EventInvokeConfig}: a function's asynchronous invocation settings as their own resource.
 * {@code FunctionName} names a function of the template ({@code !Ref Fn}); {@code Qualifier} must be
 * {@code $LATEST}, the only version Regionless runs.
 */
final class EventInvokeConfigKind implements ResourceKind {
    static final String TYPE = "AWS::Lambda::EventInvokeConfig";

    static final PropertyRules RULES = new PropertyRules(
            TYPE,
            Set.of(
                    "FunctionName",
                    "Qualifier",
                    "MaximumRetryAttempts",
                    "MaximumEventAgeInSeconds",
                    "DestinationConfig"),
            Map.ofEntries(),
            Map.of());

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(resource.logicalId(), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "no attributes; use !Ref");
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        RULES.check(resource.properties(), context);
        var properties = new Properties(resource.properties(), context.resolver());
        var nameNode = properties.required("FunctionName", "the function's name, such as !Ref Fn");
        var qualifier = properties.required("Qualifier", "$LATEST");
        if (!Values.string(qualifier).equals("$LATEST")) {
            throw Values.unexpected(qualifier, "$LATEST; versions and aliases are not modelled");
        }
        var name = Values.string(nameNode);
        var spec = AsyncSettingsReader.read(properties, resource.logicalId(), name);
        context.addEventInvokeConfig(spec, nameNode.location());
    }
}

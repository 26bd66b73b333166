package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code AWS::Serverless::Function}: {@code Ref} is the function name, {@code Fn::GetAtt .Arn} its Lambda ARN in the
 * region; reading it adds a function and binds its API events.
 */
final class FunctionKind implements ResourceKind {

    static final String TYPE = "AWS::Serverless::Function";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(name(resource, resolver), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        if (!attribute.equals("Arn")) {
            throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "Arn");
        }
        var context = resolver.context();
        var arn = "arn:aws:lambda:" + context.region() + ":" + context.accountId() + ":function:"
                + name(resource, resolver);
        return Scalar.string(arn, usedAt);
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        SamProperties.FUNCTION.check(resource.properties(), context);
        var function = FunctionReader.read(resource, name(resource, context.resolver()), context);
        var nameLocation =
                resource.properties().get("FunctionName").map(Node::location).orElse(resource.location());
        context.addFunction(function, nameLocation);
        var async = AsyncSettingsReader.readSam(
                new Properties(resource.properties(), context.resolver()),
                resource.logicalId(),
                function.functionName());
        if (async != null) {
            var location = resource.properties()
                    .get("EventInvokeConfig")
                    .or(() -> resource.properties().get("DeadLetterQueue"))
                    .map(Node::location)
                    .orElse(resource.location());
            context.addEventInvokeConfig(async, location);
        }
        FunctionEvents.read(resource, function, context);
    }

    @Override
    public Optional<String> globalsSection() {
        return Optional.of("Function");
    }

    /** {@code FunctionName}, or the logical id when there is none. */
    static String name(ResourceEntry resource, Resolver resolver) {
        var property = new Properties(resource.properties(), resolver).get("FunctionName");
        if (property.isEmpty()) {
            return resource.logicalId();
        }
        var name = Values.string(property.get());
        if (!NAME.matcher(name).matches()) {
            throw Values.unexpected(property.get(), "1 to 64 letters, digits, '-' or '_'");
        }
        return name;
    }
}

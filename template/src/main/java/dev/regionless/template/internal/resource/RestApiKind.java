package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import java.util.Optional;

/**
 * {@code AWS::Serverless::Api}, a REST API: {@code Ref} is a stable 10-character API id derived from the stack name
 * and logical id. Its properties are read once all routes are known, by {@link RestApiReader}.
 */
final class RestApiKind implements ResourceKind {

    static final String TYPE = "AWS::Serverless::Api";

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(StableIds.apiId(resolver.context().stackName(), resource.logicalId()), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        if (!attribute.equals("RootResourceId")) {
            throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "RootResourceId");
        }
        var stack = resolver.context().stackName();
        return Scalar.string(StableIds.apiId(stack, resource.logicalId() + "/"), usedAt);
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        SamProperties.REST_API.check(resource.properties(), context);
        context.apis().declare(resource);
    }

    @Override
    public Optional<String> globalsSection() {
        return Optional.of("Api");
    }
}

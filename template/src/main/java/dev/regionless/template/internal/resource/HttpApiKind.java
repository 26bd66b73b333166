package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import java.util.Optional;

/**
 * {@code AWS::Serverless::HttpApi}: {@code Ref} is a stable 10-character API id, {@code Fn::GetAtt .ApiEndpoint}
 * the endpoint AWS would give it. Its properties are read once all routes are known, by {@link HttpApiReader}.
 */
final class HttpApiKind implements ResourceKind {

    static final String TYPE = "AWS::Serverless::HttpApi";

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(StableIds.apiId(resolver.context().stackName(), resource.logicalId()), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        if (!attribute.equals("ApiEndpoint")) {
            throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "ApiEndpoint");
        }
        var context = resolver.context();
        var id = StableIds.apiId(context.stackName(), resource.logicalId());
        return Scalar.string("https://" + id + ".execute-api." + context.region() + ".amazonaws.com", usedAt);
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        SamProperties.HTTP_API.check(resource.properties(), context);
        context.apis().declare(resource);
    }

    @Override
    public Optional<String> globalsSection() {
        return Optional.of("HttpApi");
    }
}

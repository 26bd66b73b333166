package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import java.util.function.BiConsumer;

/**
 * A route, integration, deployment or authorizer of an {@code AWS::ApiGatewayV2::Api}: {@code Ref} and
 * {@code Fn::GetAtt .RouteId} (or {@code .IntegrationId}, {@code .DeploymentId}, {@code .AuthorizerId}) give a stable
 * 7-character id, which is how a route's {@code Target} names its integration and its {@code AuthorizerId} its
 * authorizer.
 *
 * @param idAttribute the attribute that repeats the id
 * @param reader checks the resource and adds it to the application
 */
record WebSocketPartKind(String idAttribute, BiConsumer<ResourceEntry, ReadContext> reader) implements ResourceKind {

    static final String DEPLOYMENT_TYPE = "AWS::ApiGatewayV2::Deployment";

    static final WebSocketPartKind ROUTE = new WebSocketPartKind("RouteId", WebSocketRouteReader::read);
    static final WebSocketPartKind INTEGRATION =
            new WebSocketPartKind("IntegrationId", WebSocketIntegrationReader::read);
    static final WebSocketPartKind DEPLOYMENT = new WebSocketPartKind("DeploymentId", WebSocketPartKind::deployment);
    static final WebSocketPartKind AUTHORIZER = new WebSocketPartKind("AuthorizerId", WebSocketAuthorizerReader::read);

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(id(resource, resolver), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        if (!attribute.equals(idAttribute)) {
            throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, idAttribute);
        }
        return Scalar.string(id(resource, resolver), usedAt);
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        reader.accept(resource, context);
    }

    static String id(ResourceEntry resource, Resolver resolver) {
        return StableIds.partId(resolver.context().stackName(), resource.logicalId());
    }

    /** A deployment has no effect: a region serves an API's routes as soon as the template is deployed. */
    private static void deployment(ResourceEntry resource, ReadContext context) {
        WebSocketProperties.DEPLOYMENT.check(resource.properties(), context);
        WebSocketRegistry.apiOf(resource.properties(), context);
        new Properties(resource.properties(), context.resolver())
                .get("StageName")
                .ifPresent(RestApiReader::stageName);
    }
}

package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;

/**
 * {@code AWS::ApiGatewayV2::Stage} of a WebSocket API: {@code Ref} is the stage name. A WebSocket API has exactly one
 * stage here, the path clients connect to; its {@code DeploymentId} and {@code AutoDeploy} have no effect, since a
 * region serves the routes of the template it was given.
 */
final class WebSocketStageKind implements ResourceKind {

    static final String TYPE = "AWS::ApiGatewayV2::Stage";

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        var name = new Properties(resource.properties(), resolver).requiredString("StageName", "a stage name");
        return Scalar.string(name, usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "none; Ref gives the stage name");
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        WebSocketProperties.STAGE.check(resource.properties(), context);
        var api = WebSocketRegistry.apiOf(resource.properties(), context);
        var properties = new Properties(resource.properties(), context.resolver());
        var stageName = RestApiReader.stageName(properties.required("StageName", "a stage name such as Prod"));
        properties.get("DeploymentId").ifPresent(Values::string);
        properties.get("AutoDeploy").ifPresent(Values::bool);
        var apiIdLocation = resource.properties().get("ApiId").orElseThrow().location();
        context.webSockets().addStage(new WebSocketRegistry.Stage(api, stageName, properties, apiIdLocation));
    }
}

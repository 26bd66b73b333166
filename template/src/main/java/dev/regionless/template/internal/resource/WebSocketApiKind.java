package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}: {@code Ref} and {@code Fn::GetAtt .ApiId} are
 * a stable 10-character API id, {@code Fn::GetAtt .ApiEndpoint} the region's WebSocket base URL. Its routes,
 * integrations and stage are separate resources, put together by {@link WebSocketRegistry}.
 */
final class WebSocketApiKind implements ResourceKind {

    static final String TYPE = "AWS::ApiGatewayV2::Api";

    private static final Pattern BODY_PATH =
            Pattern.compile("\\$request\\.body\\.([A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)");

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        return Scalar.string(apiId(resource, resolver), usedAt);
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        return switch (attribute) {
            case "ApiId" -> Scalar.string(apiId(resource, resolver), usedAt);
            case "ApiEndpoint" -> Scalar.string(endpoint(resource, resolver), usedAt);
            default -> throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "ApiEndpoint, ApiId");
        };
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        var properties = new Properties(resource.properties(), context.resolver());
        checkProtocol(properties);
        WebSocketProperties.API.check(resource.properties(), context);
        var name = properties.requiredString("Name", "the API's name");
        var expression = properties.required(
                "RouteSelectionExpression", "$request.body. followed by a JSON path, such as $request.body.action");
        var text = Values.string(expression);
        var path = BODY_PATH.matcher(text);
        if (!path.matches()) {
            throw Values.unexpected(expression, "$request.body. followed by a JSON path, such as $request.body.action");
        }
        var api = new WebSocketRegistry.Api(
                resource, name, text, List.of(path.group(1).split("\\.")));
        context.webSockets().declare(api);
    }

    /** HTTP APIs are declared with SAM, which Regionless reads; this type is only read for WebSocket APIs. */
    private static void checkProtocol(Properties properties) {
        var node = properties.required("ProtocolType", "WEBSOCKET");
        var protocol = Values.string(node);
        if (protocol.equals("HTTP")) {
            throw node.location()
                    .error("HTTP is not supported on " + TYPE + " (expected: WEBSOCKET; declare HTTP APIs as "
                            + HttpApiKind.TYPE + ")");
        }
        if (!protocol.equals("WEBSOCKET")) {
            throw Values.unexpected(node, "WEBSOCKET");
        }
    }

    static String apiId(ResourceEntry resource, Resolver resolver) {
        return StableIds.apiId(resolver.context().stackName(), resource.logicalId());
    }

    /** The context's WebSocket endpoint, or AWS's {@code wss://API_ID.execute-api.REGION.amazonaws.com}. */
    private static String endpoint(ResourceEntry resource, Resolver resolver) {
        var context = resolver.context();
        if (context.webSocketEndpoint() == null) {
            return "wss://" + apiId(resource, resolver) + ".execute-api." + context.region() + ".amazonaws.com";
        }
        var endpoint = context.webSocketEndpoint().toString();
        // Templates append "/${Stage}", as on AWS, where the endpoint has no path.
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }
}

package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.node.Values;
import java.util.List;

/**
 * Reads an {@code AWS::ApiGatewayV2::Route} of a WebSocket API: its {@code RouteKey}, and the integration its
 * {@code Target} names as {@code integrations/ID}, usually written {@code !Sub "integrations/${Integration}"}.
 */
final class WebSocketRouteReader {

    static final String TYPE = "AWS::ApiGatewayV2::Route";

    private static final List<String> PREDEFINED = List.of("$connect", "$disconnect", "$default");
    private static final String TARGET_PREFIX = "integrations/";

    private WebSocketRouteReader() {}

    static void read(ResourceEntry resource, ReadContext context) {
        WebSocketProperties.ROUTE.check(resource.properties(), context);
        var api = WebSocketRegistry.apiOf(resource.properties(), context);
        var properties = new Properties(resource.properties(), context.resolver());
        var keyNode = properties.required("RouteKey", "$connect, $disconnect, $default, or a key such as sendMessage");
        var key = Values.string(keyNode);
        if (key.isEmpty() || (key.startsWith("$") && !PREDEFINED.contains(key))) {
            throw Values.unexpected(keyNode, "$connect, $disconnect, $default, or a key such as sendMessage");
        }
        properties.get("AuthorizationType").ifPresent(type -> {
            if (!Values.string(type).equals("NONE")) {
                throw type.location()
                        .error(Values.string(type) + " is not supported by Regionless (expected: NONE; "
                                + "authorizers and IAM authorization are not supported yet)");
            }
        });
        var expected = "integrations/ followed by an integration's id, such as !Sub \"integrations/${Integration}\"";
        var target = properties.required("Target", expected);
        var text = Values.string(target);
        if (!text.startsWith(TARGET_PREFIX) || text.length() == TARGET_PREFIX.length()) {
            throw Values.unexpected(target, expected);
        }
        context.webSockets()
                .addRoute(new WebSocketRegistry.Route(
                        api, key, text.substring(TARGET_PREFIX.length()), keyNode.location(), target.location()));
    }
}

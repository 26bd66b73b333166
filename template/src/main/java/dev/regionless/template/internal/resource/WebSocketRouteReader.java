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
        var authorizerId = authorizerId(properties, key);
        var expected = "integrations/ followed by an integration's id, such as !Sub \"integrations/${Integration}\"";
        var target = properties.required("Target", expected);
        var text = Values.string(target);
        if (!text.startsWith(TARGET_PREFIX) || text.length() == TARGET_PREFIX.length()) {
            throw Values.unexpected(target, expected);
        }
        context.webSockets()
                .addRoute(new WebSocketRegistry.Route(
                        api,
                        key,
                        text.substring(TARGET_PREFIX.length()),
                        keyNode.location(),
                        target.location(),
                        authorizerId));
    }

    /**
     * The {@code AuthorizerId} of a route with {@code AuthorizationType: CUSTOM}, which only {@code $connect} may
     * have, as on AWS; {@code null} for {@code NONE}.
     */
    private static WebSocketRegistry.AuthorizerUse authorizerId(Properties properties, String key) {
        var type = properties.get("AuthorizationType");
        var typeText = type.map(Values::string).orElse("NONE");
        var id = properties.get("AuthorizerId");
        if (typeText.equals("NONE")) {
            if (id.isPresent()) {
                throw id.get()
                        .location()
                        .error(
                                "needs AuthorizationType: CUSTOM (expected: no AuthorizerId with AuthorizationType NONE)");
            }
            return null;
        }
        if (!typeText.equals("CUSTOM")) {
            throw Values.unexpected(type.get(), "NONE or CUSTOM; IAM authorization is not enforced");
        }
        if (!key.equals("$connect")) {
            throw type.get()
                    .location()
                    .error("CUSTOM on route " + key + " (expected: authorizers only on the $connect route, as on AWS)");
        }
        var idNode = id.orElseThrow(
                () -> properties.missing("AuthorizerId", "!Ref to an " + WebSocketAuthorizerReader.TYPE));
        return new WebSocketRegistry.AuthorizerUse(Values.string(idNode), idNode.location());
    }
}

package dev.regionless.template.internal.resource;

import dev.regionless.template.FunctionSpec;
import dev.regionless.template.RouteSpec;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;

/**
 * An {@code HttpApi} event: a route on an HTTP API, the one named by {@code ApiId} or else SAM's implicit
 * {@code ServerlessHttpApi}. Without {@code Path} and {@code Method} it is the API's {@code $default} route; the
 * payload format is 2.0 unless {@code PayloadFormatVersion} says 1.0.
 */
final class HttpApiEvent implements EventSource {

    @Override
    public void read(Event event, FunctionSpec function, ReadContext context) {
        SamProperties.HTTP_API_EVENT.check(event.properties(), context);
        var properties = new Properties(event.properties(), context.resolver());
        var auth = EventAuth.read(properties, AuthProperties.HTTP_API_EVENT_AUTH, context, event.location());
        var path = properties.get("Path").map(Routes::path);
        var method = properties.get("Method").map(Routes::method);
        if (method.isPresent() && path.isEmpty()) {
            throw properties.missing("Path", "a path when Method is set; leave both out for the $default route");
        }
        var version = properties
                .get("PayloadFormatVersion")
                .map(HttpApiEvent::payloadFormatVersion)
                .orElse("2.0");
        var route = new RouteSpec(
                method.orElse("ANY"), path.orElse("$default"), function.logicalId(), function.functionName(), version);
        var binding = new ApiRegistry.Route(route, event.location(), properties.mapping("RouteSettings"), auth);
        var apiId = event.properties().get("ApiId");
        if (apiId.isPresent()) {
            context.apis().bind(Routes.apiReference(apiId.get(), HttpApiKind.TYPE, context), binding);
        } else {
            context.apis().bindImplicit(ResourceDirectory.IMPLICIT_HTTP_API, binding);
        }
    }

    private static String payloadFormatVersion(Node node) {
        var version = Values.string(node);
        if (!version.equals("1.0") && !version.equals("2.0")) {
            throw Values.unexpected(node, "1.0 or 2.0");
        }
        return version;
    }
}

package dev.regionless.template.internal.resource;

import dev.regionless.template.FunctionSpec;
import dev.regionless.template.RouteSpec;
import java.util.Optional;

/**
 * An {@code Api} event: a route on a REST API, the one named by {@code RestApiId} or else SAM's implicit
 * {@code ServerlessRestApi}. REST APIs always send payload format 1.0.
 */
final class ApiEvent implements EventSource {

    @Override
    public void read(Event event, FunctionSpec function, ReadContext context) {
        SamProperties.API_EVENT.check(event.properties(), context);
        var properties = new Properties(event.properties(), context.resolver());
        var auth = EventAuth.read(properties, AuthProperties.API_EVENT_AUTH, context, event.location());
        var path = Routes.path(properties.required("Path", "a path such as /items/{id}"));
        var method = Routes.method(properties.required("Method", "an HTTP method such as GET, or ANY"));
        var route = new RouteSpec(method, path, function.logicalId(), function.functionName(), "1.0");
        var binding = new ApiRegistry.Route(route, event.location(), Optional.empty(), auth);
        var apiId = event.properties().get("RestApiId");
        if (apiId.isPresent()) {
            context.apis().bind(Routes.apiReference(apiId.get(), RestApiKind.TYPE, context), binding);
        } else {
            context.apis().bindImplicit(ResourceDirectory.IMPLICIT_REST_API, binding);
        }
    }
}

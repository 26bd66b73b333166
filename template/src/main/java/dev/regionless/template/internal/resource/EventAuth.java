package dev.regionless.template.internal.resource;

import dev.regionless.template.AuthorizerSpec;
import dev.regionless.template.RouteSpec;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import java.util.List;
import java.util.Optional;

/**
 * An {@code Api} or {@code HttpApi} event's {@code Auth}: the authorizer it names ({@code NONE} opens the route),
 * and the scopes a JWT must hold.
 *
 * @param authorizer the authorizer named, {@code NONE}, or empty to use the API's {@code DefaultAuthorizer}
 * @param authorizerLocation where the name is written, for errors
 * @param scopes the event's {@code AuthorizationScopes}, if it sets them
 */
record EventAuth(Optional<String> authorizer, Location authorizerLocation, Optional<List<String>> scopes) {

    static final String NONE = "NONE";

    /** Reads the event's {@code Auth}, if any, with the rules of its event type. */
    static EventAuth read(Properties event, PropertyRules rules, ReadContext context, Location eventLocation) {
        var auth = event.mapping("Auth");
        if (auth.isEmpty()) {
            return new EventAuth(Optional.empty(), eventLocation, Optional.empty());
        }
        rules.check(auth.get(), context);
        var properties = new Properties(auth.get(), context.resolver());
        var name = properties.get("Authorizer");
        return new EventAuth(
                properties.string("Authorizer"),
                name.map(Node::location).orElse(auth.get().location()),
                properties.strings("AuthorizationScopes"));
    }

    /**
     * The route guarded as this event and its API say.
     *
     * @throws dev.regionless.template.TemplateException when the event names an authorizer the API does not have
     */
    RouteSpec apply(RouteSpec route, ApiAuth api) {
        var name = authorizer.orElse(api.defaultAuthorizer());
        if (name == null || name.equals(NONE)) {
            return route;
        }
        var spec = api.authorizers().get(name);
        if (spec == null) {
            throw authorizerLocation.error(name + " is not an authorizer of " + api.apiLogicalId() + " (expected: "
                    + NONE + " or one of " + api.authorizers().keySet() + ")");
        }
        if (spec.kind() != AuthorizerSpec.Kind.JWT && scopes.isPresent()) {
            throw authorizerLocation.error("AuthorizationScopes with " + name + ", a Lambda authorizer (expected: "
                    + "scopes only with a JWT authorizer, which checks them)");
        }
        var routeScopes =
                spec.kind() == AuthorizerSpec.Kind.JWT ? scopes.orElse(spec.defaultScopes()) : List.<String>of();
        return route.withAuthorizer(name, routeScopes);
    }
}

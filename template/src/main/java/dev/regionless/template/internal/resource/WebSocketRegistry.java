package dev.regionless.template.internal.resource;

import dev.regionless.template.AuthorizerSpec;
import dev.regionless.template.FunctionSpec;
import dev.regionless.template.WebSocketApiSpec;
import dev.regionless.template.WebSocketRouteSpec;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the parts of the template's WebSocket APIs — APIs, routes, integrations, stages, in any order — and puts
 * each API together once every resource has been read: a route names its integration by id, and an integration its
 * function by ARN, so both are resolved to logical ids last.
 */
final class WebSocketRegistry {

    /** An API, with what its own properties say. */
    record Api(ResourceEntry entry, String name, String routeSelectionExpression, List<String> routeSelectionPath) {}

    /**
     * A route: {@code integrationId} is what its {@code Target} names after {@code integrations/}; {@code authorizer}
     * its {@code AuthorizerId}, or {@code null}.
     */
    record Route(
            String api,
            String routeKey,
            String integrationId,
            Location keyLocation,
            Location targetLocation,
            AuthorizerUse authorizer) {}

    /** A route's {@code AuthorizerId} and where it is written. */
    record AuthorizerUse(String id, Location location) {}

    /** An authorizer, naming the function it invokes by {@code FunctionName}. */
    record Authorizer(
            String logicalId,
            String api,
            String name,
            String functionName,
            List<String> identitySources,
            Location uriLocation) {}

    /** An integration, naming the function it invokes by {@code FunctionName}. */
    record Integration(String logicalId, String api, String functionName, Location uriLocation) {}

    /** A stage, whose route settings are read once the API's routes are known. */
    record Stage(String api, String stageName, Properties properties, Location apiIdLocation) {}

    private final Map<String, Api> apis = new LinkedHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Integration> integrations = new LinkedHashMap<>();
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final Map<String, Authorizer> authorizers = new LinkedHashMap<>();

    /**
     * The logical id in {@code ApiId: !Ref Api}, which must name a WebSocket API of this template that exists in the
     * region.
     */
    static String apiOf(Mapping properties, ReadContext context) {
        var apiId = properties
                .get("ApiId")
                .orElseThrow(() -> properties
                        .location()
                        .child("ApiId")
                        .error("is missing (expected: !Ref to an " + WebSocketApiKind.TYPE + " of this template)"));
        return Routes.apiReference(apiId, WebSocketApiKind.TYPE, context);
    }

    void declare(Api api) {
        apis.put(api.entry().logicalId(), api);
    }

    void addRoute(Route route) {
        for (var other : routes) {
            if (other.api().equals(route.api()) && other.routeKey().equals(route.routeKey())) {
                throw route.keyLocation()
                        .error("route " + route.routeKey() + " of " + route.api() + " is already declared at line "
                                + other.keyLocation().line() + " (expected: one route per route key)");
            }
        }
        routes.add(route);
    }

    void addIntegration(String id, Integration integration) {
        integrations.put(id, integration);
    }

    void addAuthorizer(String id, Authorizer authorizer) {
        authorizers.put(id, authorizer);
    }

    void addStage(Stage stage) {
        var previous = stages.putIfAbsent(stage.api(), stage);
        if (previous != null) {
            throw stage.apiIdLocation()
                    .error(stage.api() + " already has stage " + previous.stageName() + " (expected: one "
                            + WebSocketStageKind.TYPE + " per WebSocket API)");
        }
    }

    List<WebSocketApiSpec> build(ReadContext context) {
        var functions = new LinkedHashMap<String, FunctionSpec>();
        integrations.forEach((id, integration) -> functions.put(id, function(integration, context)));
        var specs = new ArrayList<WebSocketApiSpec>();
        for (var api : apis.values()) {
            var logicalId = api.entry().logicalId();
            var stage = Optional.ofNullable(stages.get(logicalId))
                    .orElseThrow(() -> api.entry()
                            .location()
                            .error("has no " + WebSocketStageKind.TYPE + " (expected: one stage with ApiId: !Ref "
                                    + logicalId + "; clients connect to it)"));
            var routeSpecs = routes.stream()
                    .filter(route -> route.api().equals(logicalId))
                    .map(route -> routeSpec(route, functions))
                    .toList();
            if (routeSpecs.isEmpty()) {
                context.warn(
                        api.entry().location(),
                        "has no routes (no " + WebSocketRouteReader.TYPE + " has ApiId: !Ref " + logicalId + ")");
            }
            var throttles = new WebSocketStageThrottles(stage.properties(), context);
            specs.add(new WebSocketApiSpec(
                    logicalId,
                    WebSocketApiKind.apiId(api.entry(), context.resolver()),
                    api.name(),
                    api.routeSelectionExpression(),
                    api.routeSelectionPath(),
                    stage.stageName(),
                    throttles.defaultThrottle(),
                    throttles.routeThrottles(routeSpecs.stream()
                            .map(WebSocketRouteSpec::routeKey)
                            .toList()),
                    routeSpecs,
                    connectAuthorizer(logicalId, context)));
        }
        return specs;
    }

    /** The authorizer the API's {@code $connect} route names, which must be one of the API's. */
    private AuthorizerSpec connectAuthorizer(String api, ReadContext context) {
        var use = routes.stream()
                .filter(route -> route.api().equals(api) && route.authorizer() != null)
                .map(Route::authorizer)
                .findFirst();
        if (use.isEmpty()) {
            return null;
        }
        var authorizer = authorizers.get(use.get().id());
        if (authorizer == null) {
            throw use.get()
                    .location()
                    .error(use.get().id() + " is not an authorizer of this template (expected: !Ref to an "
                            + WebSocketAuthorizerReader.TYPE + ")");
        }
        if (!authorizer.api().equals(api)) {
            throw use.get()
                    .location()
                    .error("authorizer " + authorizer.logicalId() + " belongs to " + authorizer.api()
                            + " (expected: an authorizer of " + api + ")");
        }
        var function = context.functions().stream()
                .filter(f -> f.functionName().equals(authorizer.functionName()))
                .findFirst()
                .orElseThrow(() -> authorizer
                        .uriLocation()
                        .error("function " + authorizer.functionName() + " of authorizer " + authorizer.logicalId()
                                + " is not a function of this template in "
                                + context.resolver().context().region()
                                + " (expected: the ARN of an " + FunctionKind.TYPE + ", such as ${Function.Arn})"));
        return AuthorizerSpec.lambda(
                authorizer.name(),
                AuthorizerSpec.Kind.LAMBDA_REQUEST,
                function,
                authorizer.identitySources(),
                null,
                0,
                "1.0",
                false);
    }

    private WebSocketRouteSpec routeSpec(Route route, Map<String, FunctionSpec> functions) {
        var integration = integrations.get(route.integrationId());
        if (integration == null) {
            throw route.targetLocation()
                    .error("integrations/" + route.integrationId() + " is not an integration of this template "
                            + "(expected: integrations/ followed by the Ref of an " + WebSocketIntegrationReader.TYPE
                            + ")");
        }
        if (!integration.api().equals(route.api())) {
            throw route.targetLocation()
                    .error("integration " + integration.logicalId() + " belongs to " + integration.api()
                            + " (expected: an integration of " + route.api() + ")");
        }
        var function = functions.get(route.integrationId());
        return new WebSocketRouteSpec(route.routeKey(), function.logicalId(), function.functionName());
    }

    private static FunctionSpec function(Integration integration, ReadContext context) {
        return context.functions().stream()
                .filter(function -> function.functionName().equals(integration.functionName()))
                .findFirst()
                .orElseThrow(() -> integration
                        .uriLocation()
                        .error("function " + integration.functionName() + " is not a function of this template in "
                                + context.resolver().context().region() + " (expected: the ARN of an "
                                + FunctionKind.TYPE + ", such as ${Function.Arn})"));
    }
}

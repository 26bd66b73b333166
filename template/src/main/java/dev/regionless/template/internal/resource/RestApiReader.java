package dev.regionless.template.internal.resource;

import dev.regionless.template.ApiSpec;
import dev.regionless.template.ApiType;
import dev.regionless.template.RouteSpec;
import dev.regionless.template.ThrottleSpec;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds a REST API's {@link ApiSpec}: {@code StageName} (SAM's implicit API uses {@code Prod}), {@code Cors},
 * {@code BinaryMediaTypes} and the throttling parts of {@code MethodSettings}.
 */
final class RestApiReader {

    static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private RestApiReader() {}

    static ApiSpec read(ResourceEntry api, boolean isImplicit, List<ApiRegistry.Route> routes, ReadContext context) {
        var properties = new Properties(api.properties(), context.resolver());
        var auth = AuthReader.rest(properties, api.logicalId(), context);
        var specs = routes.stream()
                .map(route -> route.auth().apply(route.spec(), auth))
                .toList();
        var stageName = isImplicit ? "Prod" : stageName(properties.required("StageName", "a stage name such as Prod"));
        var cors = properties.get("Cors").map(CorsReader::rest).orElse(null);
        var binaryMediaTypes = properties.strings("BinaryMediaTypes").orElse(List.of()).stream()
                .map(type -> type.replace("~1", "/"))
                .toList();
        var items = properties
                .get("MethodSettings")
                .map(node -> methodSettings(node, context))
                .orElse(List.of());
        var defaultThrottle = defaultThrottle(items);
        var routeThrottles = routeThrottles(items, specs, defaultThrottle, context);
        return new ApiSpec(
                api.logicalId(),
                StableIds.apiId(context.resolver().context().stackName(), api.logicalId()),
                ApiType.REST,
                stageName,
                cors,
                defaultThrottle,
                routeThrottles,
                binaryMediaTypes,
                specs,
                auth.list());
    }

    static String stageName(Node node) {
        var name = Values.string(node);
        if (!STAGE_NAME.matcher(name).matches()) {
            throw Values.unexpected(node, "1 to 128 letters, digits, '-' or '_'");
        }
        return name;
    }

    private static List<Mapping> methodSettings(Node node, ReadContext context) {
        if (!(node instanceof Sequence list)) {
            throw Values.unexpected(node, "a list of method settings");
        }
        var items = list.items().stream().map(Values::mapping).toList();
        items.forEach(item -> SamProperties.METHOD_SETTING.check(item, context));
        return items;
    }

    private static ThrottleSpec defaultThrottle(List<Mapping> items) {
        ThrottleSpec throttle = null;
        for (var item : items) {
            if (method(item).equals("*") && path(item).equals("/*")) {
                throttle = Throttles.read(item, ThrottleSpec.PLATFORM_DEFAULT).orElse(throttle);
            }
        }
        return throttle;
    }

    /** Settings for a method or path apply to every route they match, keyed by route key. */
    private static Map<String, ThrottleSpec> routeThrottles(
            List<Mapping> items, List<RouteSpec> routes, ThrottleSpec defaultThrottle, ReadContext context) {
        var throttles = new LinkedHashMap<String, ThrottleSpec>();
        for (var item : items) {
            var method = method(item);
            var path = path(item);
            if (method.equals("*") && path.equals("/*")) {
                continue;
            }
            var throttle = Throttles.read(item, Throttles.orDefault(defaultThrottle));
            var matched = routes.stream()
                    .filter(route -> method.equals("*") || method.equals(route.method()))
                    .filter(route -> path.equals("/*") || path.equals(route.path()))
                    .toList();
            if (matched.isEmpty()) {
                context.warn(item.location(), "is ignored (it matches no route of this API)");
            }
            throttle.ifPresent(spec -> matched.forEach(route -> throttles.put(route.routeKey(), spec)));
        }
        return throttles;
    }

    private static String method(Mapping item) {
        return item.get("HttpMethod").map(Values::string).orElse("*").toUpperCase(Locale.ROOT);
    }

    /** {@code ResourcePath} with API Gateway's {@code ~1} for {@code /} undone: {@code /~1items} is {@code /items}. */
    private static String path(Mapping item) {
        var path = item.get("ResourcePath").map(Values::string).orElse("/*");
        return path.startsWith("/~1") ? path.substring(1).replace("~1", "/") : path;
    }
}

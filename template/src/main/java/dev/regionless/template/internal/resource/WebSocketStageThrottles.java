package dev.regionless.template.internal.resource;

import dev.regionless.template.ThrottleSpec;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The throttles of a WebSocket API's stage: {@code DefaultRouteSettings} for every route, and {@code RouteSettings}
 * keyed by route key, a limit a route leaves out being the default's.
 */
final class WebSocketStageThrottles {

    private final Properties stage;
    private final ReadContext context;
    private final ThrottleSpec defaultThrottle;

    WebSocketStageThrottles(Properties stage, ReadContext context) {
        this.stage = stage;
        this.context = context;
        this.defaultThrottle = stage.mapping("DefaultRouteSettings")
                .flatMap(settings -> throttle(settings, null))
                .orElse(null);
    }

    /** The stage-wide throttle, or null for the platform default. */
    ThrottleSpec defaultThrottle() {
        return defaultThrottle;
    }

    /** The throttles of single routes; each key of {@code RouteSettings} must be one of {@code routeKeys}. */
    Map<String, ThrottleSpec> routeThrottles(List<String> routeKeys) {
        var throttles = new LinkedHashMap<String, ThrottleSpec>();
        stage.mapping("RouteSettings")
                .ifPresent(settings -> settings.entries().forEach((routeKey, value) -> {
                    if (!routeKeys.contains(routeKey)) {
                        throw value.location()
                                .error("route key " + routeKey + " matches no route of this API (expected: one of "
                                        + String.join(", ", routeKeys) + ")");
                    }
                    throttle(Values.mapping(value), defaultThrottle)
                            .ifPresent(throttle -> throttles.put(routeKey, throttle));
                }));
        return throttles;
    }

    private Optional<ThrottleSpec> throttle(Mapping settings, ThrottleSpec fallback) {
        SamProperties.ROUTE_SETTINGS.check(settings, context);
        return Throttles.read(settings, Throttles.orDefault(fallback));
    }
}

package dev.regionless.gateway.internal.routing;

import static java.util.Objects.requireNonNull;

/**
 * A route key and what it leads to.
 *
 * @param key the parsed route key
 * @param target what the gateway keeps for this route (its function, payload format, throttle)
 * @param <T> the target type
 */
public record Route<T>(RouteKey key, T target) {

    public Route {
        requireNonNull(key, "key");
        requireNonNull(target, "target");
    }
}

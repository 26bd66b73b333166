package dev.regionless.gateway.internal;

import dev.regionless.gateway.RouteDefinition;
import dev.regionless.gateway.internal.auth.Guard;
import dev.regionless.gateway.internal.throttling.TokenBucket;
import java.util.Optional;

/**
 * What a route leads to once deployed: its definition, its own token bucket and the authorizer guarding it.
 *
 * @param definition the route as deployed
 * @param bucket the route's throttle state
 * @param guard the route's authorizer, if it has one
 */
record RouteTarget(RouteDefinition definition, TokenBucket bucket, Optional<Guard> guard) {}

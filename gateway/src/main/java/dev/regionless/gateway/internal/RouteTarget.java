package dev.regionless.gateway.internal;

import dev.regionless.gateway.RouteDefinition;
import dev.regionless.gateway.internal.throttling.TokenBucket;

/**
 * What a route leads to once deployed: its definition and its own token bucket.
 *
 * @param definition the route as deployed
 * @param bucket the route's throttle state
 */
record RouteTarget(RouteDefinition definition, TokenBucket bucket) {}

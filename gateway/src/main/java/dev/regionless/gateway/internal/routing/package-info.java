/**
 * Route keys and how a request path finds its route: stage prefixes, exact segments before {@code {param}}
 * segments before a greedy {@code {proxy+}}, a specific method before {@code ANY}, and the HTTP API
 * {@code $default} route last. Pure and generic over what a route leads to.
 */
package dev.regionless.gateway.internal.routing;

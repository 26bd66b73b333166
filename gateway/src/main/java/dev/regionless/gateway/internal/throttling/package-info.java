/**
 * Token buckets, refilled from an injected clock, that enforce API Gateway's rate and burst limits per route.
 */
package dev.regionless.gateway.internal.throttling;

/**
 * The edge's decisions, free of any network code: each region's health as the checks and the traffic show it,
 * ejections with backoff, latency estimates, and the Route 53 routing policies that order the regions for a
 * request. Time comes from an injected clock and randomness from a seeded generator, so every rule is unit-tested.
 */
package dev.regionless.router.engine;

/**
 * The runtime itself: deployed functions, execution environments and their warm pool, concurrency limits,
 * timeouts, per-function logs and metering. Everything here is package-private except the entry point.
 */
package dev.regionless.functions.engine;

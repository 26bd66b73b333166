/**
 * The global edge in front of the regions: it health-checks them, ejects the ones that fail under traffic, and
 * sends each client to the region a Route 53 routing policy (latency, failover, weighted) would pick, through an
 * HTTP and WebSocket reverse proxy and an authoritative DNS server that answer the same decisions. {@link
 * dev.regionless.router.Edge} is one running edge; it knows regions only by address ({@link
 * dev.regionless.router.RegionTarget}) and by the health it observes.
 */
package dev.regionless.router;

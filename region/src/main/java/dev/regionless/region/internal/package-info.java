/**
 * The region's plumbing: the Vert.x adapter that runs service calls on virtual threads, the service port's
 * dispatch, the admin API, the mapping from a template's application model to the services' configurations, and
 * the deploy of a template's tables into the region's table store.
 */
package dev.regionless.region.internal;

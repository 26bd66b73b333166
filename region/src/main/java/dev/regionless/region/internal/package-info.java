/**
 * The region's plumbing: the Vert.x adapter that runs service calls on virtual threads, the service port's
 * dispatch, the admin API, and the mapping from a template's application model to the services' configurations.
 */
package dev.regionless.region.internal;

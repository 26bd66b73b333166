/**
 * Event source mappings: a region's table streams feeding its functions, in batches and in order, as Lambda's
 * DynamoDB triggers do. It reads streams through the {@code tables} API and invokes through the {@code functions}
 * API, and knows nothing else of either service.
 */
package dev.regionless.events;

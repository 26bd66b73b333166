/**
 * Event source mappings: a region's table streams and queues feeding its functions, in batches, as Lambda's DynamoDB
 * and SQS triggers do. It reads streams through the {@code tables} API, receives and deletes messages through the
 * {@code queues} API and invokes through the {@code functions} API, and knows nothing else of those services.
 */
package dev.regionless.events;

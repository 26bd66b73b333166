/**
 * Fan-out topics, as SNS has them: a region's topics and their subscriptions (its queues and functions), kept
 * durably, and every published message delivered to each matching subscriber with SNS's retries. {@link
 * dev.regionless.events.topics.Topics} is the public API that the SNS wire protocol, the template deployer and the
 * stream mappings' on-failure destinations use.
 */
package dev.regionless.events.topics;

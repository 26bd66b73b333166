/**
 * The queue service of a region, in SQS's terms: queues with their attributes, messages sent, received with a
 * visibility timeout and deleted by receipt handle, dead-letter queues and redrive, FIFO queues. {@link
 * dev.regionless.queues.QueueStore} is the public Java API the wire protocols and the event sources use; nothing here
 * knows about HTTP.
 */
package dev.regionless.queues;

/**
 * The queues' implementation: live queues in memory over their durable records, receiving with visibility timeouts
 * and long polling, dead-lettering, FIFO ordering and deduplication, signed receipt handles, and move tasks.
 */
package dev.regionless.queues.engine;

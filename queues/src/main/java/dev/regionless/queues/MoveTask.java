package dev.regionless.queues;

/**
 * A message move task, as ListMessageMoveTasks shows it.
 *
 * @param taskHandle the handle to cancel it with, while it runs
 * @param status {@code RUNNING}, {@code COMPLETED}, {@code CANCELLING}, {@code CANCELLED} or {@code FAILED}
 * @param sourceArn the dead-letter queue the messages move from
 * @param destinationArn where they move to, or {@code null} for each message's original source queue
 * @param maxMessagesPerSecond the rate limit, or {@code null} for as fast as the store goes
 * @param moved how many messages have moved
 * @param toMove how many messages the source held when the task started
 * @param failureReason why a {@code FAILED} task failed, else {@code null}
 * @param startedTimestamp milliseconds since the epoch
 */
public record MoveTask(
        String taskHandle,
        String status,
        String sourceArn,
        String destinationArn,
        Integer maxMessagesPerSecond,
        long moved,
        long toMove,
        String failureReason,
        long startedTimestamp) {}

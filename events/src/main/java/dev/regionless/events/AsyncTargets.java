package dev.regionless.events;

import java.util.Map;

/**
 * Where an asynchronous invocation's outcome can go: the on-success and on-failure destinations, which receive
 * Lambda's invocation record, and the dead-letter queue, which receives the event itself. A region offers its
 * queues, functions and topics ({@link #of}, {@link #topics}); EventBridge buses are refused.
 */
public interface AsyncTargets {

    /**
     * A region's queues and functions as targets; topic and event bus ARNs are refused with a message saying so.
     *
     * @param topics the targets for {@code arn:aws:sns:} ARNs, or {@code null} while the region has no topics
     */
    static AsyncTargets of(
            dev.regionless.functions.Functions functions,
            dev.regionless.queues.QueueStore queues,
            AsyncTargets topics) {
        return new dev.regionless.events.internal.RegionAsyncTargets(functions, queues, topics);
    }

    /** The region's topics as targets: records and dead letters are published to them. */
    static AsyncTargets topics(dev.regionless.events.topics.Topics topics) {
        return new dev.regionless.events.internal.TopicAsyncTargets(topics);
    }

    /**
     * Checks that {@code arn} names a destination this region can deliver records to.
     *
     * @param parameter the parameter the ARN came in, for the error message (such as
     *     {@code DestinationConfig.OnFailure.Destination})
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} naming the parameter, the
     *     ARN and what was expected
     */
    void checkDestination(String parameter, String arn);

    /** Checks that {@code arn} names a dead-letter queue this region can deliver to; as {@link #checkDestination}. */
    void checkDeadLetter(String parameter, String arn);

    /** Delivers an invocation record (JSON); returns once the destination holds it, throws when it could not. */
    void sendRecord(String arn, byte[] record);

    /**
     * Delivers a discarded event to a dead-letter queue: the event as the body, with the message attributes Lambda
     * adds ({@code RequestID}, {@code ErrorCode}, {@code ErrorMessage}).
     */
    void sendDeadLetter(String arn, byte[] payload, Map<String, String> attributes);
}

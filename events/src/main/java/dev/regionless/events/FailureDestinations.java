package dev.regionless.events;

/**
 * Finds the {@link FailureDestination} an on-failure ARN names. A region combines one per kind of target it has:
 * queues, topics and functions.
 */
@FunctionalInterface
public interface FailureDestinations {

    /**
     * Destinations that are functions of this region, named by their ARN ({@code !GetAtt Fn.Arn}): each record is
     * the payload of one synchronous invocation. Queue and topic ARNs are refused.
     */
    static FailureDestinations functions(dev.regionless.functions.Functions functions, String region) {
        return new dev.regionless.events.internal.FunctionDestinations(functions, region);
    }

    /**
     * The destinations of a region with queues: a queue ARN ({@code !GetAtt Queue.Arn}) names one of
     * {@code queues}, which must exist and be a standard queue, and receives each record as a message's body; any
     * other ARN is read as {@link #functions}. Topic ARNs are refused: see {@link #functionsQueuesAndTopics}.
     */
    static FailureDestinations functionsAndQueues(
            dev.regionless.functions.Functions functions, dev.regionless.queues.QueueStore queues) {
        return new dev.regionless.events.internal.RegionDestinations(
                new dev.regionless.events.internal.QueueDestinations(queues), functions(functions, queues.region()));
    }

    /**
     * The destinations of a region with queues and topics: as {@link #functionsAndQueues}, and a topic ARN
     * ({@code !Ref Topic}) names one of {@code topics}, which must exist and be a standard topic, and receives each
     * record as a published message.
     */
    static FailureDestinations functionsQueuesAndTopics(
            dev.regionless.functions.Functions functions,
            dev.regionless.queues.QueueStore queues,
            dev.regionless.events.topics.Topics topics) {
        return new dev.regionless.events.internal.RegionDestinations(
                new dev.regionless.events.internal.QueueDestinations(queues),
                new dev.regionless.events.internal.TopicDestinations(topics),
                functions(functions, queues.region()));
    }

    /**
     * The destination for {@code arn}.
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} naming the ARN when it names
     *     nothing this region can deliver to; used to refuse a mapping before it is created
     */
    FailureDestination destination(String arn);
}

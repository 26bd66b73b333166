package dev.regionless.events;

/**
 * Finds the {@link FailureDestination} an on-failure ARN names. A region combines one per kind of target it has:
 * functions now, queues and topics when those services exist.
 */
@FunctionalInterface
public interface FailureDestinations {

    /**
     * Destinations that are functions of this region, named by their ARN ({@code !GetAtt Fn.Arn}): each record is
     * the payload of one synchronous invocation. Queue and topic ARNs are refused until those services exist.
     */
    static FailureDestinations functions(dev.regionless.functions.Functions functions, String region) {
        return new dev.regionless.events.internal.FunctionDestinations(functions, region);
    }

    /**
     * The destination for {@code arn}.
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} naming the ARN when it names
     *     nothing this region can deliver to; used to refuse a mapping before it is created
     */
    FailureDestination destination(String arn);
}

package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.FailureDestination;
import dev.regionless.events.FailureDestinations;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.Functions;
import dev.regionless.functions.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * On-failure destinations that are functions of the region. Lambda itself accepts only queues and topics as a
 * stream mapping's destination; a function is what this region offers besides its queues and topics (see
 * {@link QueueDestinations} and {@link TopicDestinations}), and the record it receives is the one a queue holds.
 */
public final class FunctionDestinations implements FailureDestinations {
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([a-zA-Z0-9_-]{1,64})(:\\$LATEST)?");

    private final Functions functions;
    private final String region;

    public FunctionDestinations(Functions functions, String region) {
        this.functions = requireNonNull(functions, "functions");
        this.region = requireNonNull(region, "region");
    }

    @Override
    public FailureDestination destination(String arn) {
        requireNonNull(arn, "arn");
        if (arn.startsWith("arn:aws:sqs:") || arn.startsWith("arn:aws:sns:")) {
            throw FunctionErrors.invalidParameter("DestinationConfig.OnFailure.Destination: " + arn
                    + " (expected: a function ARN; queues and topics are destinations of a region that has them)");
        }
        var matcher = FUNCTION_ARN.matcher(arn);
        if (!matcher.matches()) {
            throw FunctionErrors.invalidParameter("DestinationConfig.OnFailure.Destination: " + arn
                    + " (expected: a function ARN such as arn:aws:lambda:" + region + ":123456789012:function:NAME)");
        }
        if (!matcher.group(1).equals(region)) {
            throw FunctionErrors.invalidParameter("DestinationConfig.OnFailure.Destination: " + arn
                    + " (expected: a function in " + region + ", the mapping's region)");
        }
        return new FunctionDestination(functions, matcher.group(3));
    }

    /** Invokes the function with the record and waits: the record is delivered when the function succeeded. */
    private record FunctionDestination(Functions functions, String functionName) implements FailureDestination {
        @Override
        public void send(dev.regionless.events.FailureRecord record) {
            var result = functions.invoke(functionName, record.toJsonBytes());
            switch (result) {
                case InvocationResult.Completed completed -> {}
                case InvocationResult.Failed failed ->
                    throw new IllegalStateException("on-failure destination " + functionName + " failed: "
                            + new String(failed.errorPayload(), StandardCharsets.UTF_8));
                case InvocationResult.Throttled throttled ->
                    throw new IllegalStateException(
                            "on-failure destination " + functionName + " was throttled: " + throttled.reason());
            }
        }
    }
}

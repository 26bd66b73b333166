package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.EventSourceMapping;
import dev.regionless.events.EventSourcesConfig;
import dev.regionless.events.FailureDestination;
import dev.regionless.functions.Functions;

/**
 * What every lane of one running mapping shares: the mapping, the services it joins, how it decides after each
 * invocation, where discarded batches go, and where it reports its last result.
 *
 * @param functionArn the function's ARN, for the records sent to the on-failure destination
 * @param destination where descriptions of discarded batches go: the mapping's on-failure destination, or the log
 */
public record MappingRuntime(
        EventSourceMapping mapping,
        String functionArn,
        Functions functions,
        DynamodbEvents events,
        BatchOutcomePolicy policy,
        FailureDestination destination,
        ProcessingResult result,
        EventSourcesConfig config) {
    public MappingRuntime {
        requireNonNull(mapping, "mapping");
        requireNonNull(functionArn, "functionArn");
        requireNonNull(functions, "functions");
        requireNonNull(events, "events");
        requireNonNull(policy, "policy");
        requireNonNull(destination, "destination");
        requireNonNull(result, "result");
        requireNonNull(config, "config");
    }
}

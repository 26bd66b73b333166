package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.EventSourceMapping;
import dev.regionless.events.EventSourcesConfig;
import dev.regionless.events.MappingSource;
import dev.regionless.functions.Functions;
import dev.regionless.queues.QueueStore;

/**
 * What every worker of one running queue mapping shares: the mapping, its queue, the services it joins, and where it
 * reports its last result.
 *
 * @param functionArn the function's ARN when the mapping was created or last changed
 * @param region the region's name, the events' {@code awsRegion}
 */
record QueueMappingRuntime(
        EventSourceMapping mapping,
        MappingSource.Queue queue,
        String functionArn,
        Functions functions,
        QueueStore queues,
        String region,
        ProcessingResult result,
        EventSourcesConfig config) {
    QueueMappingRuntime {
        requireNonNull(mapping, "mapping");
        requireNonNull(queue, "queue");
        requireNonNull(functionArn, "functionArn");
        requireNonNull(functions, "functions");
        requireNonNull(queues, "queues");
        requireNonNull(region, "region");
        requireNonNull(result, "result");
        requireNonNull(config, "config");
    }

    /** The most batches in flight at once: {@code ScalingConfig.MaximumConcurrency}, or Lambda's 1,000. */
    int maximumConcurrency() {
        return mapping.maximumConcurrency() == 0
                ? EventSourceMapping.MAX_MAXIMUM_CONCURRENCY
                : mapping.maximumConcurrency();
    }
}

package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.FailureDestination;
import dev.regionless.events.FailureDestinations;

/** A region's on-failure destinations: queue ARNs go to its queues, every other ARN to its functions. */
public final class RegionDestinations implements FailureDestinations {
    private final FailureDestinations queues;
    private final FailureDestinations functions;

    public RegionDestinations(FailureDestinations queues, FailureDestinations functions) {
        this.queues = requireNonNull(queues, "queues");
        this.functions = requireNonNull(functions, "functions");
    }

    @Override
    public FailureDestination destination(String arn) {
        requireNonNull(arn, "arn");
        return arn.startsWith("arn:aws:sqs:") ? queues.destination(arn) : functions.destination(arn);
    }
}

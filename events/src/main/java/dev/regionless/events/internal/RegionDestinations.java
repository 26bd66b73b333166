package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.FailureDestination;
import dev.regionless.events.FailureDestinations;

/**
 * A region's on-failure destinations: queue ARNs go to its queues, topic ARNs to its topics (when it has them),
 * every other ARN to its functions.
 */
public final class RegionDestinations implements FailureDestinations {
    private final FailureDestinations queues;
    private final FailureDestinations topics;
    private final FailureDestinations functions;

    /** Destinations without topics: a topic ARN is refused by {@code functions}. */
    public RegionDestinations(FailureDestinations queues, FailureDestinations functions) {
        this(queues, functions, functions);
    }

    public RegionDestinations(FailureDestinations queues, FailureDestinations topics, FailureDestinations functions) {
        this.queues = requireNonNull(queues, "queues");
        this.topics = requireNonNull(topics, "topics");
        this.functions = requireNonNull(functions, "functions");
    }

    @Override
    public FailureDestination destination(String arn) {
        requireNonNull(arn, "arn");
        if (arn.startsWith("arn:aws:sqs:")) {
            return queues.destination(arn);
        }
        return arn.startsWith("arn:aws:sns:") ? topics.destination(arn) : functions.destination(arn);
    }
}

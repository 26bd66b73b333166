package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.FailureDestination;
import dev.regionless.events.FailureDestinations;
import dev.regionless.events.FailureRecord;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.queues.OutgoingMessage;
import dev.regionless.queues.QueueStore;
import java.nio.charset.StandardCharsets;

/**
 * On-failure destinations that are queues of the region, as Lambda offers them: each discarded batch's record is
 * the body of one message. Like Lambda, a queue that does not exist, or a FIFO queue, is refused when the mapping is
 * created, not when its first batch fails.
 */
public final class QueueDestinations implements FailureDestinations {
    private final QueueStore queues;

    public QueueDestinations(QueueStore queues) {
        this.queues = requireNonNull(queues, "queues");
    }

    @Override
    public FailureDestination destination(String arn) {
        requireNonNull(arn, "arn");
        var name = queues.nameOf(arn)
                .orElseThrow(() -> refused(
                        arn,
                        "a queue of this region such as " + queues.arn("NAME") + " (queues in other regions or"
                                + " accounts are not reachable from Regionless)"));
        var queue = queues.queue(name)
                .orElseThrow(
                        () -> refused(arn, "an existing queue; there is no queue " + name + " in " + queues.region()));
        if (queue.isFifo()) {
            throw refused(arn, "a standard queue; FIFO queues cannot be on-failure destinations");
        }
        return new QueueDestination(queues, name);
    }

    private static dev.regionless.common.AwsException refused(String arn, String expected) {
        return FunctionErrors.invalidParameter(
                "DestinationConfig.OnFailure.Destination: " + arn + " (expected: " + expected + ")");
    }

    /**
     * Sends the record as one message; SendMessage's error (a queue deleted since, a store that is closing) reaches
     * the mapping, which tries again before it moves on.
     */
    private record QueueDestination(QueueStore queues, String queueName) implements FailureDestination {
        @Override
        public void send(FailureRecord record) {
            queues.send(queueName, OutgoingMessage.of(new String(record.toJsonBytes(), StandardCharsets.UTF_8)));
        }
    }
}

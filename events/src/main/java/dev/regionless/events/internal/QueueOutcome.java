package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.functions.InvocationResult;
import dev.regionless.queues.ReceivedMessage;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one invocation with a queue batch ended, and so which of its messages Lambda deletes: all of them after a
 * success; none after a function error or an invocation that did not happen (they reappear once the queue's
 * visibility timeout passes); after a partial batch response, all but the reported ones, and in a FIFO queue also
 * none after a reported one in the same message group, so that a group's order holds.
 *
 * @param outcome the invocation's outcome, as the stream sources use it: {@code Succeeded} (also for a partial batch
 *     response), {@code FunctionError} or {@code NotInvoked}
 * @param failedMessageIds the ids a valid partial batch response reported; empty otherwise
 */
record QueueOutcome(BatchOutcome outcome, Set<String> failedMessageIds) {
    QueueOutcome {
        requireNonNull(outcome, "outcome");
        failedMessageIds = Set.copyOf(failedMessageIds);
    }

    /**
     * Reads an invocation's result; with {@code reportBatchItemFailures}, the response's {@code itemIdentifier}s are
     * message ids. An identifier that is no message of the batch fails the whole batch, as Lambda does.
     */
    static QueueOutcome of(InvocationResult result, QueueBatch batch, boolean reportBatchItemFailures) {
        var outcome = BatchOutcomes.whole(result);
        if (!(result instanceof InvocationResult.Completed completed) || !reportBatchItemFailures) {
            return new QueueOutcome(outcome, Set.of());
        }
        var requestId = completed.requestId();
        return switch (BatchItemFailures.read(completed.payload())) {
            case BatchItemFailures.NoFailures none -> new QueueOutcome(outcome, Set.of());
            case BatchItemFailures.Invalid invalid ->
                new QueueOutcome(BatchOutcomes.invalid(requestId, invalid.why()), Set.of());
            case BatchItemFailures.Failed failed -> {
                var ids = batch.messages().stream()
                        .map(ReceivedMessage::messageId)
                        .collect(Collectors.toSet());
                var unknown = failed.itemIdentifiers().stream()
                        .filter(id -> !ids.contains(id))
                        .findFirst();
                yield unknown.isPresent()
                        ? new QueueOutcome(
                                BatchOutcomes.invalid(
                                        requestId,
                                        "answered itemIdentifier " + unknown.get()
                                                + ", the id of no message of the batch"),
                                Set.of())
                        : new QueueOutcome(outcome, new HashSet<>(failed.itemIdentifiers()));
            }
        };
    }

    /** Whether the function reported some messages as failed and the rest as done. */
    boolean partial() {
        return !failedMessageIds.isEmpty();
    }

    /** The messages of {@code batch} to delete, in batch order. */
    List<ReceivedMessage> toDelete(QueueBatch batch, boolean fifo) {
        if (!(outcome instanceof BatchOutcome.Succeeded)) {
            return List.of();
        }
        var stoppedGroups = new LinkedHashSet<String>();
        return batch.messages().stream()
                .filter(message -> {
                    var group = fifo ? message.systemAttributes().get("MessageGroupId") : null;
                    if (failedMessageIds.contains(message.messageId())) {
                        if (group != null) {
                            stoppedGroups.add(group);
                        }
                        return false;
                    }
                    return group == null || !stoppedGroups.contains(group);
                })
                .toList();
    }
}

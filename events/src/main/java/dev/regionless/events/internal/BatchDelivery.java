package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.AwsException;
import dev.regionless.events.FailureRecord;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.streams.TableStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one batch read from a lane until every record in it is done: processed by the function, or discarded
 * to the on-failure destination. The {@link BatchOutcomePolicy} decides after each invocation; this class carries the
 * decisions out: checkpoints, backoff, halves of a bisected batch (first half first, so order is kept), and records
 * too old to send.
 */
final class BatchDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);
    /** How often a discarded batch's record is offered to a failing destination before it is only logged. */
    static final int DESTINATION_ATTEMPTS = 3;

    /** Waits between attempts; answers false once the poller is stopping. */
    interface Pauser {
        /** @param wakeable whether a change to the table or a deploy may end the wait early */
        boolean pause(Duration delay, boolean wakeable);

        boolean running();
    }

    /**
     * Records still to be done, with what happened to them so far.
     *
     * @param retries retries that count towards the retry limit
     * @param failures failed invocations in a row, for the backoff
     * @param invocations invocations that included these records
     * @param last the last invocation's outcome, or {@code null}
     */
    private record Pending(List<ChangeRecord> records, int retries, int failures, int invocations, BatchOutcome last) {
        Pending from(long sequence) {
            return new Pending(
                    records.stream()
                            .filter(record -> record.sequence() >= sequence)
                            .toList(),
                    retries,
                    failures,
                    invocations,
                    last);
        }
    }

    private final MappingRuntime runtime;
    private final StreamSource source;
    private final Pauser pauser;

    BatchDelivery(MappingRuntime runtime, StreamSource source, Pauser pauser) {
        this.runtime = requireNonNull(runtime, "runtime");
        this.source = requireNonNull(source, "source");
        this.pauser = requireNonNull(pauser, "pauser");
    }

    /** Returns when every record is done, or when the poller stops (the rest is then read again by the next one). */
    void deliver(TableStream stream, List<ChangeRecord> records) {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(records, 0, 0, 0, null));
        while (!pending.isEmpty() && pauser.running()) {
            var current = withoutExpired(stream, pending.pop());
            if (current.records().isEmpty()) {
                continue;
            }
            var batch = runtime.events().batch(stream, current.records());
            if (batch.records().size() < current.records().size()) {
                // Cut to fit the payload limit: the rest follows once these are done.
                var cut = batch.records().size();
                pending.push(new Pending(
                        current.records().subList(cut, current.records().size()),
                        current.retries(),
                        current.failures(),
                        current.invocations(),
                        current.last()));
                current = new Pending(
                        batch.records(), current.retries(), current.failures(), current.invocations(), current.last());
            }
            var outcome = invoke(batch);
            runtime.result().record(outcome);
            var invoked = new Pending(
                    current.records(), current.retries(), current.failures(), current.invocations() + 1, outcome);
            var decision = runtime.policy().decide(batch, outcome, current.retries(), current.failures());
            switch (decision) {
                case BatchDecision.Checkpoint checkpoint -> source.advance(stream, checkpoint.afterSequence());
                case BatchDecision.Retry retry -> {
                    checkpointBefore(stream, batch, retry.fromSequence());
                    var rest = invoked.from(retry.fromSequence());
                    pending.push(new Pending(
                            rest.records(),
                            rest.retries() + (retry.counted() ? 1 : 0),
                            rest.failures() + 1,
                            rest.invocations(),
                            outcome));
                    logRetry(batch, outcome, retry);
                    // A function that is not deployed yet is retried as soon as a deploy may have brought it.
                    pauser.pause(
                            retry.delay(),
                            outcome instanceof BatchOutcome.NotInvoked notInvoked && notInvoked.statusCode() == 404);
                }
                case BatchDecision.Bisect bisect -> {
                    int half = batch.records().size() / 2;
                    var halves = batch.records();
                    int invocations = invoked.invocations();
                    pending.push(new Pending(
                            halves.subList(half, halves.size()), invoked.retries(), 0, invocations, outcome));
                    pending.push(new Pending(halves.subList(0, half), invoked.retries(), 0, invocations, outcome));
                    LOG.warn(
                            "event source mapping {}: {} with records {}..{} {}; bisecting",
                            runtime.mapping().uuid(),
                            runtime.mapping().functionName(),
                            batch.firstSequence(),
                            batch.lastSequence(),
                            outcome.describe());
                }
                case BatchDecision.Discard discard -> {
                    checkpointBefore(stream, batch, discard.fromSequence());
                    discard(stream, invoked.from(discard.fromSequence()), discard.condition());
                }
            }
        }
    }

    private void checkpointBefore(TableStream stream, EventBatch batch, long sequence) {
        if (sequence > batch.firstSequence()) {
            source.advance(stream, sequence - 1);
        }
    }

    /**
     * Discards the records too old to send: past the mapping's maximum record age, or past the stream's retention.
     * Records are stamped in stream order, so these are the oldest, and the rest stays to be sent.
     */
    private Pending withoutExpired(TableStream stream, Pending pending) {
        long cutoff =
                runtime.config().clock().millis() - runtime.config().retention().toMillis();
        var handling = runtime.mapping().failureHandling();
        if (handling.limitsRecordAge()) {
            cutoff = Math.max(cutoff, runtime.config().clock().millis() - handling.maximumRecordAgeInSeconds() * 1000L);
        }
        long limit = cutoff;
        var expired = pending.records().stream()
                .takeWhile(record -> record.createdAtMillis() <= limit)
                .toList();
        if (expired.isEmpty()) {
            return pending;
        }
        discard(
                stream,
                new Pending(expired, pending.retries(), pending.failures(), pending.invocations(), pending.last()),
                FailureRecord.RECORD_AGE_EXCEEDED);
        return pending.from(expired.getLast().sequence() + 1);
    }

    /** Describes the records to the destination, then moves past them. */
    private void discard(TableStream stream, Pending pending, String condition) {
        var records = pending.records();
        var last = pending.last();
        var record = new FailureRecord(
                last == null ? "" : last.requestId(),
                runtime.functionArn(),
                condition,
                pending.invocations(),
                last == null ? null : last.response(),
                runtime.config().clock().instant(),
                new FailureRecord.StreamBatchInfo(
                        stream.shardId(),
                        records.getFirst().sequence(),
                        records.getLast().sequence(),
                        Instant.ofEpochMilli(records.getFirst().createdAtMillis()),
                        Instant.ofEpochMilli(records.getLast().createdAtMillis()),
                        records.size(),
                        stream.arn()));
        send(record);
        source.advance(stream, records.getLast().sequence());
    }

    private void send(FailureRecord record) {
        for (int attempt = 1; attempt <= DESTINATION_ATTEMPTS; attempt++) {
            try {
                runtime.destination().send(record);
                return;
            } catch (RuntimeException e) {
                LOG.warn(
                        "event source mapping {}: on-failure destination refused a record (attempt {} of {}): {}",
                        runtime.mapping().uuid(),
                        attempt,
                        DESTINATION_ATTEMPTS,
                        e.toString());
                if (attempt < DESTINATION_ATTEMPTS) {
                    pauser.pause(runtime.config().firstRetryDelay().multipliedBy(attempt), false);
                }
            }
        }
        LOG.error(
                "event source mapping {}: discarded records that no destination took: {}",
                runtime.mapping().uuid(),
                record.toJson());
    }

    private BatchOutcome invoke(EventBatch batch) {
        var name = runtime.mapping().functionName();
        if (runtime.functions().function(name).isEmpty()) {
            return new BatchOutcome.NotInvoked("", 404, "cannot be invoked: the function is not deployed");
        }
        try {
            return BatchOutcomes.of(
                    runtime.functions().invoke(name, batch.payload()),
                    batch,
                    runtime.mapping().failureHandling().reportBatchItemFailures());
        } catch (AwsException e) {
            // The function could not be invoked at all (removed meanwhile, payload refused): retried, not counted.
            return new BatchOutcome.NotInvoked(
                    "", e.status(), "cannot be invoked: " + e.code() + ": " + e.getMessage());
        }
    }

    private void logRetry(EventBatch batch, BatchOutcome outcome, BatchDecision.Retry retry) {
        LOG.warn(
                "event source mapping {}: {} with records {}..{} {}; retrying from {} in {} ms",
                runtime.mapping().uuid(),
                runtime.mapping().functionName(),
                batch.firstSequence(),
                batch.lastSequence(),
                outcome.describe(),
                retry.fromSequence(),
                retry.delay().toMillis());
    }
}

package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.events.EventSourceMapping;
import dev.regionless.events.EventSourcesConfig;
import dev.regionless.functions.Functions;
import dev.regionless.functions.InvocationResult;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.streams.TableStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one mapping's stream to its function, on a virtual thread of its own: read a batch after the mapping's
 * position, invoke the function synchronously, and move the position only when the {@link BatchOutcomePolicy} says
 * so. One batch at a time, so the function sees the table's changes in stream order.
 *
 * <p>It sleeps while the stream has nothing new and is woken by {@link #wake()} when the table changes; the
 * config's recheck interval is only a fallback. Stopping never interrupts an invocation: a batch in flight
 * finishes (and its position is saved) before {@link #awaitStopped()} returns.
 */
public final class StreamPoller {
    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);

    private final EventSourceMapping mapping;
    private final StreamSource source;
    private final Functions functions;
    private final DynamodbEvents events;
    private final BatchOutcomePolicy policy;
    private final EventSourcesConfig config;
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running = true;
    private Thread thread;

    private StreamPoller(
            EventSourceMapping mapping,
            StreamSource source,
            Functions functions,
            DynamodbEvents events,
            BatchOutcomePolicy policy,
            EventSourcesConfig config) {
        this.mapping = requireNonNull(mapping, "mapping");
        this.source = requireNonNull(source, "source");
        this.functions = requireNonNull(functions, "functions");
        this.events = requireNonNull(events, "events");
        this.policy = requireNonNull(policy, "policy");
        this.config = requireNonNull(config, "config");
    }

    /** Starts polling for {@code mapping}; the source must already hold the mapping's starting position. */
    public static StreamPoller start(
            EventSourceMapping mapping,
            StreamSource source,
            Functions functions,
            DynamodbEvents events,
            BatchOutcomePolicy policy,
            EventSourcesConfig config) {
        var poller = new StreamPoller(mapping, source, functions, events, policy, config);
        poller.thread =
                Thread.ofVirtual().name("event-source-" + mapping.uuid()).start(poller::run);
        return poller;
    }

    public EventSourceMapping mapping() {
        return mapping;
    }

    /** Tells the poller its table changed. */
    public void wake() {
        wakeup.signal();
    }

    /** Asks the poller to stop after the invocation in flight, if any; returns at once. */
    public void requestStop() {
        running = false;
        wakeup.signal();
    }

    /** Waits until the poller has stopped; call {@link #requestStop()} first. */
    public void awaitStopped() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                if (!deliverNextBatch()) {
                    wakeup.await(config.recheckInterval());
                }
            } catch (RuntimeException e) {
                // The store or the runtime failed outside an invocation; nothing was delivered, so try again later.
                LOG.warn(
                        "event source mapping {}: cannot read {}: {}",
                        mapping.uuid(),
                        mapping.tableName(),
                        e.toString());
                wakeup.sleep(config.recheckInterval(), () -> running);
            }
        }
    }

    /** Delivers the next batch, if there is one; false when there was nothing to deliver. */
    private boolean deliverNextBatch() {
        var found = source.currentStream();
        if (found.isEmpty()) {
            return false;
        }
        var stream = found.get();
        long position = source.position(stream);
        var records = readBatch(stream, position);
        if (records.isEmpty()) {
            return false;
        }
        long trimmed = source.trimmedAfter(stream, position);
        if (trimmed > 0) {
            LOG.warn(
                    "event source mapping {}: {} records of {} left the stream before they were delivered",
                    mapping.uuid(),
                    trimmed,
                    stream.arn());
        }
        deliver(stream, records);
        return true;
    }

    /** Up to a batch of records; with a batching window, waits for a full batch until the window closes. */
    private List<ChangeRecord> readBatch(TableStream stream, long position) {
        var records = source.read(stream, position, mapping.batchSize());
        if (records.isEmpty() || mapping.maximumBatchingWindowInSeconds() == 0) {
            return records;
        }
        long deadline = System.nanoTime()
                + Duration.ofSeconds(mapping.maximumBatchingWindowInSeconds()).toNanos();
        long remaining;
        while (running && records.size() < mapping.batchSize() && (remaining = deadline - System.nanoTime()) > 0) {
            wakeup.await(Duration.ofNanos(remaining));
            records = source.read(stream, position, mapping.batchSize());
        }
        return records;
    }

    /**
     * Invokes the function with this batch until the policy checkpoints it, the records pass the stream's
     * retention, or the poller is stopped (the batch is then delivered again by the next poller).
     */
    private void deliver(TableStream stream, List<ChangeRecord> records) {
        var remaining = records;
        int failures = 0;
        while (running) {
            remaining = withoutExpired(stream, remaining);
            if (remaining.isEmpty()) {
                return;
            }
            var batch = events.batch(stream, remaining);
            var result = invoke(batch);
            switch (policy.decide(batch, result, failures)) {
                case BatchDecision.Checkpoint checkpoint -> {
                    source.advance(stream, checkpoint.afterSequence());
                    return;
                }
                case BatchDecision.Retry retry -> {
                    failures++;
                    LOG.warn(
                            "event source mapping {}: {} with records {}..{} {} (attempt {}); retrying in {} ms",
                            mapping.uuid(),
                            mapping.functionName(),
                            batch.firstSequence(),
                            batch.lastSequence(),
                            describe(result),
                            failures,
                            retry.delay().toMillis());
                    wakeup.sleep(retry.delay(), () -> running);
                }
            }
        }
    }

    /**
     * The records still within retention; the position moves past the others, which are never delivered. Records
     * are stamped in stream order, so the expired ones are the batch's oldest.
     */
    private List<ChangeRecord> withoutExpired(TableStream stream, List<ChangeRecord> records) {
        long cutoff = config.clock().millis() - config.retention().toMillis();
        var expired = records.stream()
                .takeWhile(record -> record.createdAtMillis() <= cutoff)
                .toList();
        if (expired.isEmpty()) {
            return records;
        }
        LOG.warn(
                "event source mapping {}: skipping {} records of {} up to {}: past the stream's retention of {}",
                mapping.uuid(),
                expired.size(),
                stream.arn(),
                expired.getLast().sequence(),
                config.retention());
        source.advance(stream, expired.getLast().sequence());
        return records.subList(expired.size(), records.size());
    }

    private InvocationResult invoke(EventBatch batch) {
        try {
            return functions.invoke(mapping.functionName(), batch.payload());
        } catch (AwsException e) {
            // The function could not be invoked at all (not deployed, payload refused): a failure like any other.
            var error = Json.mapper()
                    .createObjectNode()
                    .put("errorMessage", e.getMessage())
                    .put("errorType", e.code());
            return new InvocationResult.Failed("", error.toString().getBytes(StandardCharsets.UTF_8), "", false);
        }
    }

    private static String describe(InvocationResult result) {
        return switch (result) {
            case InvocationResult.Completed completed -> "succeeded";
            case InvocationResult.Failed failed when failed.timedOut() -> "timed out";
            case InvocationResult.Failed failed -> "failed: " + errorOf(failed.errorPayload());
            case InvocationResult.Throttled throttled -> "was throttled: " + throttled.reason();
        };
    }

    /** {@code errorType: errorMessage} from Lambda's error JSON, without the stack trace. */
    private static String errorOf(byte[] errorPayload) {
        try {
            var node = Json.mapper().readTree(errorPayload);
            return node.path("errorType").asText() + ": "
                    + node.path("errorMessage").asText();
        } catch (java.io.IOException e) {
            return new String(errorPayload, StandardCharsets.UTF_8);
        }
    }
}

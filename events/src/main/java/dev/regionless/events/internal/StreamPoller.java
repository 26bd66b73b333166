package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.EventSourceMapping;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.streams.TableStream;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one lane of a mapping's stream to its function, on a virtual thread of its own: read a batch after the
 * lane's position, invoke the function synchronously, and move the position as the {@link BatchOutcomePolicy}
 * decides ({@link BatchDelivery}). One batch at a time per lane, so the function sees each item's changes in
 * stream order.
 *
 * <p>It sleeps while the stream has nothing new and is woken by {@link #wake()} when the table changes; the
 * config's recheck interval is only a fallback. Stopping never interrupts an invocation: a batch in flight
 * finishes (and its position is saved) before {@link #awaitStopped()} returns.
 */
public final class StreamPoller implements MappingPoller {
    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);

    private final MappingRuntime runtime;
    private final StreamSource source;
    private final Wakeup wakeup = new Wakeup();
    private final BatchDelivery delivery;
    private volatile boolean running = true;
    private Thread thread;

    private StreamPoller(MappingRuntime runtime, StreamSource source) {
        this.runtime = requireNonNull(runtime, "runtime");
        this.source = requireNonNull(source, "source");
        this.delivery = new BatchDelivery(runtime, source, new BatchDelivery.Pauser() {
            @Override
            public boolean pause(Duration delay, boolean wakeable) {
                if (wakeable) {
                    wakeup.await(delay);
                } else {
                    wakeup.sleep(delay, () -> running);
                }
                return running;
            }

            @Override
            public boolean running() {
                return running;
            }
        });
    }

    /** Starts polling one lane; the source must already hold the lane's starting position. */
    public static StreamPoller start(MappingRuntime runtime, StreamSource source, Lane lane) {
        var poller = new StreamPoller(runtime, source);
        poller.thread = Thread.ofVirtual()
                .name("event-source-" + runtime.mapping().uuid() + "-" + lane.index())
                .start(poller::run);
        return poller;
    }

    @Override
    public EventSourceMapping mapping() {
        return runtime.mapping();
    }

    /** Tells the poller its table changed, or that functions were deployed. */
    @Override
    public void wake() {
        wakeup.signal();
    }

    /** Asks the poller to stop after the invocation in flight, if any; returns at once. */
    @Override
    public void requestStop() {
        running = false;
        wakeup.signal();
    }

    /** Waits until the poller has stopped; call {@link #requestStop()} first. */
    @Override
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
                    wakeup.await(runtime.config().recheckInterval());
                }
            } catch (RuntimeException e) {
                // The store or the runtime failed outside an invocation; nothing was delivered, so try again later.
                LOG.warn(
                        "event source mapping {}: cannot read {}: {}",
                        runtime.mapping().uuid(),
                        runtime.mapping().tableName(),
                        e.toString());
                wakeup.sleep(runtime.config().recheckInterval(), () -> running);
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
                    runtime.mapping().uuid(),
                    trimmed,
                    stream.arn());
        }
        delivery.deliver(stream, records);
        return true;
    }

    /** Up to a batch of records; with a batching window, waits for a full batch until the window closes. */
    private List<ChangeRecord> readBatch(TableStream stream, long position) {
        var mapping = runtime.mapping();
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
}

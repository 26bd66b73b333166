package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.EventSourceMapping;
import dev.regionless.queues.ReceiveOptions;
import dev.regionless.queues.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one queue to its function with workers on virtual threads, each receiving a batch (long polling), invoking
 * the function synchronously and deleting what it processed ({@link QueueDelivery}). Like Lambda's pollers it
 * scales with the backlog: it keeps {@link #MIN_WORKERS} workers while the queue is quiet, adds one whenever a worker
 * finds a full batch, up to the mapping's maximum concurrency, and lets a worker go when it finds the queue empty
 * or its function failing or throttled. Each worker has one batch in flight, so the workers are the mapping's
 * concurrency.
 *
 * <p>Order in a FIFO queue needs nothing here: the queue hands out no message of a group while another of that group
 * is in flight, and {@link QueueOutcome} deletes nothing of a group after a failed message.
 *
 * <p>Receives wait at most {@link #POLL_WAIT}, so a mapping that is disabled or deleted stops within that time;
 * stopping never interrupts an invocation.
 */
final class QueuePoller implements MappingPoller {
    private static final Logger LOG = LoggerFactory.getLogger(QueuePoller.class);
    /** Lambda scales a quiet queue's pollers down to two. */
    static final int MIN_WORKERS = 2;
    /** SQS's most messages per receive. */
    static final int MAX_RECEIVE = 10;
    /** The long-polling wait of one receive; a send wakes it at once, so it only bounds how long stopping takes. */
    static final Duration POLL_WAIT = Duration.ofSeconds(1);

    private final QueueMappingRuntime runtime;
    private final SqsEvents events;
    private final Wakeup wakeup = new Wakeup();
    private final QueueDelivery delivery;
    /** The mapping's filter patterns, compiled once; a message must match one of them, if there are any. */
    private final List<EventPattern> filters;

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** Guards {@link #workers} and the decision to start one, against {@link #requestStop()}. */
    private final Object lock = new Object();

    private int workers;
    private volatile boolean running = true;

    private QueuePoller(QueueMappingRuntime runtime) {
        this.runtime = requireNonNull(runtime, "runtime");
        this.events = new SqsEvents(runtime.queue().arn(), runtime.region());
        this.filters = runtime.mapping().filterCriteria().patterns().stream()
                .map(pattern -> EventPattern.compile("FilterCriteria", pattern))
                .toList();
        this.delivery = new QueueDelivery(runtime, new BatchDelivery.Pauser() {
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

    static QueuePoller start(QueueMappingRuntime runtime) {
        var poller = new QueuePoller(runtime);
        for (int i = 0; i < Math.min(MIN_WORKERS, runtime.maximumConcurrency()); i++) {
            poller.addWorker();
        }
        return poller;
    }

    @Override
    public EventSourceMapping mapping() {
        return runtime.mapping();
    }

    @Override
    public void wake() {
        wakeup.signal();
    }

    @Override
    public void requestStop() {
        synchronized (lock) {
            running = false;
        }
        wakeup.signal();
    }

    @Override
    public void awaitStopped() {
        while (!threads.isEmpty()) {
            for (var thread : List.copyOf(threads)) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How many workers run now: for tests and monitoring. */
    int workers() {
        synchronized (lock) {
            return workers;
        }
    }

    private void addWorker() {
        synchronized (lock) {
            if (!running || workers >= runtime.maximumConcurrency()) {
                return;
            }
            workers++;
            var thread = Thread.ofVirtual()
                    .name("event-source-" + runtime.mapping().uuid() + "-" + workers)
                    .unstarted(this::work);
            threads.add(thread);
            thread.start();
        }
    }

    /** Lets the calling worker go if more than the minimum run; answers whether it should stop. */
    private boolean retire() {
        synchronized (lock) {
            if (workers <= MIN_WORKERS) {
                return false;
            }
            workers--;
            return true;
        }
    }

    private void work() {
        boolean retired = false;
        try {
            while (running && !retired) {
                retired = workOnce();
            }
        } finally {
            if (!retired) {
                synchronized (lock) {
                    workers--;
                }
            }
            threads.remove(Thread.currentThread());
        }
    }

    /** Receives and delivers one batch; answers whether this worker retired. */
    private boolean workOnce() {
        try {
            var visibility = runtime.queues()
                    .requireQueue(runtime.queue().queueName())
                    .settings()
                    .visibilityTimeoutSeconds();
            var received = collect();
            if (received.isEmpty()) {
                return retire();
            }
            var visibleAgainAt = runtime.config().clock().instant().plusSeconds(visibility);
            if (received.size() >= runtime.mapping().batchSize()) {
                addWorker(); // a full batch: more may be waiting
            }
            var messages = filtered(received);
            if (messages.isEmpty()) {
                return false;
            }
            var outcome = delivery.deliver(events.batch(messages), visibleAgainAt);
            return !(outcome.outcome() instanceof BatchOutcome.Succeeded) && retire();
        } catch (RuntimeException e) {
            // The queue is gone or the store failed outside an invocation: nothing was handed over; try again later.
            LOG.warn(
                    "event source mapping {}: cannot receive from {}: {}",
                    runtime.mapping().uuid(),
                    runtime.queue().queueName(),
                    e.toString());
            wakeup.sleep(runtime.config().recheckInterval(), () -> running);
            return false;
        }
    }

    /** The messages that pass the mapping's filters; Lambda deletes the others from the queue unseen. */
    private List<ReceivedMessage> filtered(List<ReceivedMessage> received) {
        if (filters.isEmpty()) {
            return received;
        }
        var passed = new ArrayList<ReceivedMessage>();
        for (var message : received) {
            var record = events.record(message);
            if (filters.stream().anyMatch(filter -> filter.matches(record))) {
                passed.add(message);
            } else {
                runtime.queues().deleteMessage(runtime.queue().queueName(), message.receiptHandle());
            }
        }
        return passed;
    }

    /**
     * Up to a batch of messages. Without a batching window, what one receive brings; with one, receives until the
     * batch is full or the window, counted from the first message, closes.
     */
    private List<ReceivedMessage> collect() {
        var mapping = runtime.mapping();
        var messages = new ArrayList<>(receive(Math.min(mapping.batchSize(), MAX_RECEIVE), POLL_WAIT));
        if (messages.isEmpty() || mapping.maximumBatchingWindowInSeconds() == 0) {
            return messages;
        }
        long deadline = System.nanoTime()
                + Duration.ofSeconds(mapping.maximumBatchingWindowInSeconds()).toNanos();
        long remaining;
        while (running && messages.size() < mapping.batchSize() && (remaining = deadline - System.nanoTime()) > 0) {
            var wait = Duration.ofNanos(Math.min(remaining, POLL_WAIT.toNanos()));
            messages.addAll(receive(Math.min(mapping.batchSize() - messages.size(), MAX_RECEIVE), wait));
        }
        return messages;
    }

    private List<ReceivedMessage> receive(int max, Duration wait) {
        return runtime.queues()
                .receive(runtime.queue().queueName(), ReceiveOptions.of(max).waiting(wait));
    }
}

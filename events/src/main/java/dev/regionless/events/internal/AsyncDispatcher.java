package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.AsyncTargets;
import dev.regionless.events.EventInvokeConfig;
import dev.regionless.functions.Functions;
import dev.regionless.functions.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the queued events: one virtual thread looks at the clock every tick (and at once when an event arrives),
 * starts every event that is due, and when an attempt ends records the event's next state in the journal before
 * anything else happens to it. A test that moves a mutable clock sees retries come due without waiting for them.
 *
 * <p>An event whose function is not deployed (a restarted region before its deploy) waits without using up retries.
 * A region that stops while an attempt runs tries it again when it starts: at least once, as Lambda promises.
 */
public final class AsyncDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncDispatcher.class);
    /**
     * The most attempts the queue runs at once. Lambda bounds an asynchronous function only by its concurrency; a
     * region on one host also has to bound the cold starts a burst of events would begin together, or they starve
     * the region's own request handling. Events over the bound wait, due, without counting as throttled.
     */
    public static final int MAX_RUNNING = 64;

    private final Functions functions;
    private final AsyncJournal journal;
    private final AsyncConfigs configs;
    private final AsyncTargets targets;
    private final Clock clock;
    private final Duration tick;
    private final String functionArnPrefix;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;

    /** Guarded by {@code lock}: every pending event, and those with an attempt running. */
    private final Map<String, AsyncEvent> pending = new LinkedHashMap<>();

    private final Set<String> running = new HashSet<>();
    private boolean closed;

    /** @param functionArnPrefix the region's function ARNs without the name, for the records */
    public AsyncDispatcher(
            Functions functions,
            AsyncJournal journal,
            AsyncConfigs configs,
            AsyncTargets targets,
            Clock clock,
            Duration tick,
            String functionArnPrefix) {
        this.functions = requireNonNull(functions, "functions");
        this.journal = requireNonNull(journal, "journal");
        this.configs = requireNonNull(configs, "configs");
        this.targets = requireNonNull(targets, "targets");
        this.clock = requireNonNull(clock, "clock");
        this.tick = requireNonNull(tick, "tick");
        this.functionArnPrefix = requireNonNull(functionArnPrefix, "functionArnPrefix");
        journal.pending().forEach(event -> pending.put(event.requestId(), event));
        this.thread = Thread.ofVirtual().name("async-invocations").unstarted(this::run);
        thread.start();
    }

    /**
     * Queues an event durably, then wakes the dispatcher. The disk write happens outside the dispatcher's lock, so
     * concurrent callers share forces and the dispatcher keeps starting events meanwhile; an event accepted as the
     * queue closes is on disk and runs at the next start.
     */
    public void accept(AsyncEvent event) {
        journal.put(event);
        lock.lock();
        try {
            if (!closed) {
                pending.put(event.requestId(), event);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many events are queued or running. */
    public int size() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops starting attempts; attempts running finish without being recorded, so they run again after a restart. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        lock.lock();
        try {
            while (!closed) {
                startDue();
                changed.awaitNanos(tick.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held. */
    private void startDue() {
        var now = clock.instant();
        for (var event : new ArrayList<>(pending.values())) {
            if (running.size() >= MAX_RUNNING) {
                return;
            }
            if (running.contains(event.requestId()) || event.nextAttemptAt().isAfter(now)) {
                continue;
            }
            var config = configOf(event.functionName(), now);
            if (AsyncRetryPolicy.expired(event, config.eventAgeSeconds(), now)) {
                settleLater(event, () -> discard(event, config, AsyncRetryPolicy.EVENT_AGE_EXCEEDED));
                continue;
            }
            var function = functions.function(event.functionName());
            if (function.isEmpty()) {
                continue; // waits for a deploy, or for its age to run out
            }
            if (function.get().config().reservedConcurrency() == 0) {
                // Reserved concurrency 0 throttles every attempt: Lambda sends the event on without retrying.
                var throttled = attempted(event, new AsyncEvent.LastResponse(429, null, null), 0, event.throttles());
                settleLater(event, () -> discard(throttled, config, AsyncRetryPolicy.RETRIES_EXHAUSTED));
                continue;
            }
            running.add(event.requestId());
            try {
                functions
                        .start(event.functionName(), event.payload(), event.requestId())
                        .whenComplete((result, error) ->
                                Thread.ofVirtual().start(() -> settle(event, config, result, error)));
            } catch (RuntimeException e) {
                // Undeployed since the check above: the event waits for the function as if it had not been seen.
                running.remove(event.requestId());
            }
        }
    }

    private void settleLater(AsyncEvent event, Runnable settle) {
        running.add(event.requestId());
        Thread.ofVirtual().start(settle);
    }

    private void settle(AsyncEvent event, EventInvokeConfig config, InvocationResult result, Throwable error) {
        var now = clock.instant();
        try {
            switch (result) {
                case InvocationResult.Completed done ->
                    succeed(attempted(event, new AsyncEvent.LastResponse(200, null, done.payload()), 0, 0), config);
                case InvocationResult.Failed failed -> {
                    var next = attempted(
                            event, new AsyncEvent.LastResponse(200, "Unhandled", failed.errorPayload()), 1, 0);
                    decide(next, config, AsyncRetryPolicy.afterFunctionError(next, config.retryAttempts(), now));
                }
                case InvocationResult.Throttled throttled -> {
                    var next = attempted(event, new AsyncEvent.LastResponse(429, null, null), 0, event.throttles() + 1);
                    decide(next, config, AsyncRetryPolicy.afterThrottle(next, now));
                }
                case null -> {
                    // The platform failed (not the function): back to the queue, like a throttle.
                    LOG.warn(
                            "asynchronous invocation {} of {} failed in the platform: {}",
                            event.requestId(),
                            event.functionName(),
                            String.valueOf(error));
                    var message = String.valueOf(error).getBytes(StandardCharsets.UTF_8);
                    var next =
                            attempted(event, new AsyncEvent.LastResponse(500, null, message), 0, event.throttles() + 1);
                    decide(next, config, AsyncRetryPolicy.afterThrottle(next, now));
                }
            }
        } catch (RuntimeException e) {
            // The journal could not be written (the region is closing): the event stays as last recorded.
            LOG.warn("asynchronous invocation {} could not be recorded: {}", event.requestId(), e.toString());
            finish(event.requestId(), null);
        }
    }

    private void decide(AsyncEvent event, EventInvokeConfig config, AsyncRetryPolicy.Decision decision) {
        switch (decision) {
            case AsyncRetryPolicy.Decision.Retry retry -> {
                var next = new AsyncEvent(
                        event.requestId(),
                        event.functionName(),
                        event.payload(),
                        event.enqueuedAt(),
                        event.attempts(),
                        event.functionErrors(),
                        event.throttles(),
                        retry.at(),
                        event.last());
                journal.put(next);
                finish(event.requestId(), next);
            }
            case AsyncRetryPolicy.Decision.Discard discard -> discard(event, config, discard.condition());
        }
    }

    private void succeed(AsyncEvent event, EventInvokeConfig config) {
        if (config.onSuccess() != null) {
            deliver(
                    event,
                    () -> targets.sendRecord(
                            config.onSuccess(),
                            InvocationRecords.record(event, arnOf(event), InvocationRecords.SUCCESS, clock.instant())));
        }
        journal.remove(event.requestId());
        finish(event.requestId(), null);
    }

    private void discard(AsyncEvent event, EventInvokeConfig config, String condition) {
        try {
            if (config.onFailure() != null) {
                deliver(
                        event,
                        () -> targets.sendRecord(
                                config.onFailure(),
                                InvocationRecords.record(event, arnOf(event), condition, clock.instant())));
            }
            if (config.deadLetterTarget() != null) {
                deliver(
                        event,
                        () -> targets.sendDeadLetter(
                                config.deadLetterTarget(),
                                event.payload(),
                                InvocationRecords.deadLetterAttributes(event, condition)));
            }
            if (config.onFailure() == null && config.deadLetterTarget() == null) {
                LOG.warn(
                        "asynchronous invocation {} of {} discarded ({}, {} attempts): no failure destination",
                        event.requestId(),
                        event.functionName(),
                        condition,
                        event.attempts());
            }
            journal.remove(event.requestId());
            finish(event.requestId(), null);
        } catch (RuntimeException e) {
            LOG.warn("asynchronous invocation {} could not be discarded: {}", event.requestId(), e.toString());
            finish(event.requestId(), null);
        }
    }

    /** A destination that cannot take the record loses it, as on Lambda (its DestinationDeliveryFailures metric). */
    private void deliver(AsyncEvent event, Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.warn(
                    "the record of asynchronous invocation {} of {} could not be delivered: {}",
                    event.requestId(),
                    event.functionName(),
                    e.toString());
        }
    }

    /** Ends an attempt: the event is pending again as {@code next}, or gone when {@code null}. */
    private void finish(String requestId, AsyncEvent next) {
        lock.lock();
        try {
            running.remove(requestId);
            if (next == null) {
                pending.remove(requestId);
            } else {
                pending.put(requestId, next);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static AsyncEvent attempted(
            AsyncEvent event, AsyncEvent.LastResponse last, int newFunctionErrors, int throttles) {
        return new AsyncEvent(
                event.requestId(),
                event.functionName(),
                event.payload(),
                event.enqueuedAt(),
                event.attempts() + 1,
                event.functionErrors() + newFunctionErrors,
                throttles,
                event.nextAttemptAt(),
                last);
    }

    private EventInvokeConfig configOf(String functionName, Instant now) {
        return configs.find(functionName).orElseGet(() -> EventInvokeConfig.defaults(functionName, now));
    }

    private String arnOf(AsyncEvent event) {
        return functionArnPrefix + event.functionName();
    }
}

package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.internal.ScheduleStates;
import dev.regionless.events.internal.ScheduledEvents;
import dev.regionless.functions.Functions;
import dev.regionless.tables.TableStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A region's schedules: each enabled schedule invokes its function when its expression comes due on the region's
 * clock. One virtual thread looks at the clock every {@code tick}, so a test that moves a mutable clock sees the
 * fires that came due without waiting for them. A schedule that fell behind (the region was down, or the clock
 * jumped) fires once, late, for the time it missed, then goes on from the present: no storm of missed fires.
 *
 * <p>Timing is stored in the table store: a restarted region that deploys the same schedules continues them.
 */
public final class Schedules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);
    /** How often the scheduler looks at the clock; fires are at most this late. */
    public static final Duration TICK = Duration.ofMillis(250);

    private final Clock clock;
    private final Duration tick;
    private final ScheduleTarget target;
    private final ScheduleStates states;
    private final Random random;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;

    /** Guarded by {@code lock}. */
    private Map<String, ScheduleDefinition> schedules = Map.of();
    /** Guarded by {@code lock}. */
    private final Map<String, ScheduleStates.State> timing = new LinkedHashMap<>();

    private boolean closed;

    private Schedules(TableStore store, ScheduleTarget target, Clock clock, Duration tick, Random random) {
        this.states = new ScheduleStates(requireNonNull(store, "store"));
        this.target = requireNonNull(target, "target");
        this.clock = requireNonNull(clock, "clock");
        this.tick = requireNonNull(tick, "tick");
        this.random = requireNonNull(random, "random");
        this.thread = Thread.ofVirtual().name("schedules").unstarted(this::run);
    }

    /** Schedules that invoke the region's functions, checking the clock every {@link #TICK}. */
    public static Schedules start(Functions functions, TableStore store, Clock clock) {
        return start(store, invoking(functions), clock, TICK, new Random());
    }

    /**
     * @param target where events go when a schedule fires
     * @param random the source of event ids
     */
    public static Schedules start(TableStore store, ScheduleTarget target, Clock clock, Duration tick, Random random) {
        var schedules = new Schedules(store, target, clock, tick, random);
        schedules.thread.start();
        return schedules;
    }

    /**
     * The default target: an asynchronous invocation, as EventBridge invokes Lambda, so the region's asynchronous
     * queue retries a failing event and sends it to the function's destinations.
     */
    public static ScheduleTarget invoking(Functions functions) {
        requireNonNull(functions, "functions");
        return functions::invokeAsync;
    }

    /**
     * Replaces the deployed schedules. A schedule deployed again with the same id and expression keeps its timing;
     * a new one, or one whose expression changed, starts now. Schedules that are gone forget their timing.
     */
    public void deploy(List<ScheduleDefinition> definitions) {
        var now = clock.instant();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("schedules are closed");
            }
            var ids = new HashSet<String>();
            var next = new LinkedHashMap<String, ScheduleDefinition>();
            for (var definition : definitions) {
                if (!ids.add(definition.id())) {
                    throw new IllegalArgumentException("id: " + definition.id() + " (expected: each schedule once)");
                }
                next.put(definition.id(), definition);
            }
            for (var old : schedules.keySet()) {
                if (!next.containsKey(old)) {
                    states.forget(old);
                    timing.remove(old);
                }
            }
            for (var definition : next.values()) {
                timing.put(definition.id(), timingOf(definition, now));
            }
            schedules = Map.copyOf(next);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** When each deployed schedule fires next, by id; absent when it will not fire again. */
    public Map<String, Instant> nextFireTimes() {
        lock.lock();
        try {
            var result = new LinkedHashMap<String, Instant>();
            timing.forEach((id, state) -> {
                if (state.next() != null) {
                    result.put(id, state.next());
                }
            });
            return result;
        } finally {
            lock.unlock();
        }
    }

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

    /** The stored timing if it belongs to this expression, else a new start at {@code now}. */
    private ScheduleStates.State timingOf(ScheduleDefinition definition, Instant now) {
        var stored = states.load(definition.id())
                .filter(state ->
                        state.expression().equals(definition.expression().text()));
        if (stored.isPresent()) {
            return stored.get();
        }
        var anchor =
                definition.startDate() != null && definition.startDate().isAfter(now) ? definition.startDate() : now;
        var state = new ScheduleStates.State(definition.expression().text(), anchor, definition.nextAfter(now, anchor));
        states.save(definition.id(), state);
        return state;
    }

    private void run() {
        lock.lock();
        try {
            while (!closed) {
                fireDue();
                changed.awaitNanos(tick.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Fires every enabled schedule that came due; called with the lock held. */
    private void fireDue() {
        var now = clock.instant();
        var due = new ArrayList<ScheduleDefinition>();
        for (var definition : schedules.values()) {
            var state = timing.get(definition.id());
            if (state != null && state.next() != null && !state.next().isAfter(now)) {
                due.add(definition);
            }
        }
        for (var definition : due) {
            var state = timing.get(definition.id());
            if (definition.enabled()) {
                fire(definition, state.next());
            }
            var next = new ScheduleStates.State(
                    state.expression(), state.anchor(), definition.nextAfter(now, state.anchor()));
            states.save(definition.id(), next);
            timing.put(definition.id(), next);
        }
    }

    private void fire(ScheduleDefinition definition, Instant scheduledTime) {
        var id = new UUID(random.nextLong(), random.nextLong());
        try {
            target.deliver(definition.functionName(), ScheduledEvents.payload(definition, scheduledTime, id));
        } catch (RuntimeException e) {
            LOG.warn(
                    "schedule {} could not deliver to {}: {}",
                    definition.arn(),
                    definition.functionName(),
                    e.toString());
        }
    }
}

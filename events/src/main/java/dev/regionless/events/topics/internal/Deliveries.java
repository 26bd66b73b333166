package dev.regionless.events.topics.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries owed, and the one virtual thread that starts them. Each attempt runs on its own virtual thread, so
 * a subscriber that fails or is slow holds up no other; a failed attempt is rescheduled by {@link DeliveryRetry} on
 * the region's clock, which the dispatcher looks at every {@code tick} (tests move the clock instead of waiting).
 * Deliveries of one FIFO message group to one subscriber go strictly one after the other, in publish order.
 *
 * <p>The deliveries live in the database from their publish on; a restart loads them and carries on. Progress on a
 * delivery (a failed attempt, a success) is written without waiting for a sync: a crash may repeat an attempt, which
 * SNS allows (at-least-once), but never loses a delivery.
 */
public final class Deliveries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final int MAX_IN_FLIGHT = 256;

    private final TopicDatabase db;
    private final Subscribers subscribers;
    private final Clock clock;
    private final Duration tick;
    private final Semaphore permits = new Semaphore(MAX_IN_FLIGHT);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread dispatcher;

    /** Guarded by {@code lock}. */
    private final TreeMap<Long, Delivery> pending = new TreeMap<>();
    /** Guarded by {@code lock}. */
    private final Set<Long> inFlight = new HashSet<>();
    /** Guarded by {@code lock}: FIFO lanes with an attempt running. */
    private final Set<String> busyLanes = new HashSet<>();

    private boolean signalled;
    private volatile boolean closed;

    public Deliveries(TopicDatabase db, Subscribers subscribers, Clock clock, Duration tick) {
        this.db = requireNonNull(db, "db");
        this.subscribers = requireNonNull(subscribers, "subscribers");
        this.clock = requireNonNull(clock, "clock");
        this.tick = requireNonNull(tick, "tick");
        db.scan(TopicDatabase.Family.DELIVERIES, (key, value) -> {
            var delivery = Delivery.fromBytes(key, value);
            pending.put(delivery.number(), delivery);
        });
        this.dispatcher = Thread.ofVirtual().name("topic-deliveries").start(this::run);
    }

    /** Takes deliveries that are already durable in the database. */
    void add(List<Delivery> deliveries) {
        lock.lock();
        try {
            deliveries.forEach(d -> pending.put(d.number(), d));
            signalled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many deliveries are owed, counting those being attempted: for monitoring and tests. */
    public int pending() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            dispatchDue();
            lock.lock();
            try {
                if (!signalled && !closed) {
                    changed.await(tick.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
                }
                signalled = false;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private void dispatchDue() {
        var now = clock.instant();
        lock.lock();
        try {
            var blockedLanes = new HashSet<String>();
            for (var delivery : pending.values()) {
                var lane = delivery.lane();
                if (lane != null && (busyLanes.contains(lane) || blockedLanes.contains(lane))) {
                    blockedLanes.add(lane);
                    continue;
                }
                if (inFlight.contains(delivery.number())) {
                    continue;
                }
                if (delivery.due().isAfter(now)) {
                    if (lane != null) {
                        blockedLanes.add(lane);
                    }
                    continue;
                }
                if (!permits.tryAcquire()) {
                    return;
                }
                inFlight.add(delivery.number());
                if (lane != null) {
                    busyLanes.add(lane);
                }
                Thread.ofVirtual().name("topic-delivery").start(() -> attempt(delivery));
            }
        } finally {
            lock.unlock();
        }
    }

    private void attempt(Delivery delivery) {
        Delivery next = null;
        try {
            subscribers.deliver(delivery);
        } catch (RuntimeException e) {
            next = afterFailure(delivery, e);
        }
        try {
            if (next == null) {
                db.apply(db.batch().delete(TopicDatabase.Family.DELIVERIES, delivery.key()));
            } else {
                db.apply(db.batch().put(TopicDatabase.Family.DELIVERIES, next.key(), next.toBytes()));
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("cannot record the outcome of delivery {}: {}", delivery.number(), e.getMessage());
            }
        }
        lock.lock();
        try {
            if (next == null) {
                pending.remove(delivery.number());
            } else {
                pending.put(next.number(), next);
            }
            inFlight.remove(delivery.number());
            var lane = delivery.lane();
            if (lane != null) {
                busyLanes.remove(lane);
            }
            signalled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
            permits.release();
        }
    }

    /** The delivery rescheduled, or {@code null} once its retries are exhausted (it then leaves the queue). */
    private Delivery afterFailure(Delivery delivery, RuntimeException error) {
        int failures = delivery.failures() + 1;
        var delay = DeliveryRetry.delayAfter(failures);
        if (delay.isEmpty()) {
            subscribers.exhausted(delivery.failedOnce(clock.instant()), error);
            return null;
        }
        if (failures == 1 || failures % 100 == 0) {
            LOG.info(
                    "delivery of message {} to {} failed ({} so far), retrying: {}",
                    delivery.notice().messageId(),
                    delivery.subscriptionArn(),
                    failures,
                    error.getMessage());
        }
        return delivery.failedOnce(clock.instant().plus(delay.get()));
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            dispatcher.join(5_000);
            // Let attempts under way record their outcome before the database closes.
            if (permits.tryAcquire(MAX_IN_FLIGHT, 5, java.util.concurrent.TimeUnit.SECONDS)) {
                permits.release(MAX_IN_FLIGHT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

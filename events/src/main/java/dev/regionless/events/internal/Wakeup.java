package dev.regionless.events.internal;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A signal a poller sleeps on: a change to its table, or a request to stop. A signal given while nobody waits is
 * kept for the next wait, so a change made between reading the stream and going to sleep is never missed.
 */
final class Wakeup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;

    void signal() {
        lock.lock();
        try {
            pending = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until signalled (or already signalled) or until {@code timeout} passes; true if signalled. */
    boolean await(Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!pending && remaining > 0) {
                remaining = signalled.awaitNanos(remaining);
            }
            boolean wasSignalled = pending;
            pending = false;
            return wasSignalled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@code timeout} in full unless {@code stillWaiting} turns false; signals only recheck it. */
    void sleep(Duration timeout, java.util.function.BooleanSupplier stillWaiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long remaining;
        while (stillWaiting.getAsBoolean() && (remaining = deadline - System.nanoTime()) > 0) {
            await(Duration.ofNanos(remaining));
        }
    }
}

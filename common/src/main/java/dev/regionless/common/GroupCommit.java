package dev.regionless.common;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable in groups: each writer, after its (unsynced) write has reached the log, takes a ticket and
 * waits; one syncer thread syncs the log once for every ticket taken so far and releases all their writers. Under
 * load, one sync serves many writers, so durability costs little throughput.
 *
 * <p>Writers wait on a lock and condition, never inside native code, so they can be virtual threads. The tables and
 * the queues each sync their own RocksDB log this way.
 */
public final class GroupCommit implements AutoCloseable {
    /** Syncs the log so that everything written before the call is durable. */
    @FunctionalInterface
    public interface LogSync {
        void sync() throws Exception;
    }

    private final LogSync logSync;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pending = lock.newCondition();
    private final Condition synced = lock.newCondition();
    private final Thread syncer;
    private long durable;
    private Exception failure;
    private boolean closed;

    public GroupCommit(String name, LogSync logSync) {
        this.logSync = logSync;
        this.syncer = Thread.ofPlatform().daemon().name("group-commit-" + name).start(this::syncLoop);
    }

    /** Call after a write has reached the log; returns once it is durable. */
    public void awaitDurable() {
        long ticket = written.incrementAndGet();
        lock.lock();
        try {
            pending.signal();
            while (durable < ticket) {
                if (failure != null) {
                    throw new IllegalStateException("the write-ahead log could not be synced", failure);
                }
                if (closed) {
                    throw new IllegalStateException("the store closed before the write was durable");
                }
                synced.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many log syncs have been made; fewer than writes when writers were grouped. */
    public long syncs() {
        return syncs.get();
    }

    private void syncLoop() {
        while (true) {
            long target;
            lock.lock();
            try {
                while (!closed && written.get() == durable) {
                    awaitQuietly();
                }
                if (closed && written.get() == durable) {
                    return;
                }
                target = written.get();
            } finally {
                lock.unlock();
            }
            Exception error = sync();
            lock.lock();
            try {
                if (error != null) {
                    failure = error;
                } else {
                    durable = target;
                }
                synced.signalAll();
                if (error != null) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private Exception sync() {
        try {
            logSync.sync();
            syncs.incrementAndGet();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private void awaitQuietly() {
        try {
            pending.await(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Syncs what is pending, then stops; writers still waiting afterwards get an error. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            pending.signal();
            synced.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            syncer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

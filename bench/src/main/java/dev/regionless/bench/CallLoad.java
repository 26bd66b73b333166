package dev.regionless.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Load made of synchronous calls, each on its own platform thread: closed loop (each client sends its next call as
 * soon as the previous one returns) or open loop (calls scheduled at a fixed rate, whatever the answers do). Bounded
 * in time; stops by itself.
 */
final class CallLoad {
    /** One call a client repeats, given the client's own random numbers. */
    @FunctionalInterface
    interface Call {
        void run(SplittableRandom random) throws Exception;
    }

    /**
     * What a run measured; {@code firstError} describes the first failed call, or is empty when none failed.
     *
     * @param requestsPerSecond successful calls per second of the run
     * @param clientCpuNanos CPU time used by the calling threads themselves (the SDK, its HTTP client)
     * @param processCpuNanos CPU time used by this whole process during the run, the calling threads included
     */
    record Result(
            Latencies latencies,
            double requestsPerSecond,
            long errors,
            String firstError,
            long clientCpuNanos,
            long processCpuNanos) {}

    private static final long SEED = 20_261_123L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CallLoad() {}

    /**
     * Thrown by a call that has no work left (a pool of receipt handles used up): the client stops, and the call is
     * counted neither as answered nor as failed.
     */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("no work left", null, false, false);
        }
    }

    /** {@code clients} threads each calling in a loop for {@code duration}; latency from send to answer. */
    static Result closed(Call call, int clients, Duration duration) throws InterruptedException {
        return closed(call, clients, duration, new java.util.concurrent.atomic.AtomicBoolean());
    }

    /**
     * As {@link #closed(Call, int, Duration)}, stopping early once a call throws {@link Exhausted}: the rate then
     * counts the time until the last client stopped, so a fixed amount of work gives a true rate.
     */
    static Result closed(Call call, int clients, Duration duration, java.util.concurrent.atomic.AtomicBoolean exhausted)
            throws InterruptedException {
        var tally = new Tally();
        var threads = new ArrayList<Thread>();
        var perClient = new ArrayList<Latencies>();
        long processCpu = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int client = 0; client < clients; client++) {
            var latencies = new Latencies();
            var random = new SplittableRandom(SEED + client);
            perClient.add(latencies);
            threads.add(Thread.ofPlatform().name("bench-client-" + client).start(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                while (System.nanoTime() < end && !exhausted.get()) {
                    long sent = System.nanoTime();
                    try {
                        if (tally.attempt(call, random)) {
                            latencies.add(System.nanoTime() - sent);
                        }
                    } catch (Exhausted e) {
                        exhausted.set(true);
                    }
                }
                tally.clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            }));
        }
        return collect(threads, perClient, start, processCpu, tally);
    }

    /**
     * Calls scheduled every {@code 1 / ratePerSecond} for {@code duration}, served by {@code workers} threads. Each
     * latency runs from the call's intended send time, not from when a worker got to it, so a stall counts against
     * every call it delayed (no coordinated omission).
     */
    static Result open(Call call, int ratePerSecond, Duration duration, int workers) throws InterruptedException {
        var tally = new Tally();
        var threads = new ArrayList<Thread>();
        var perWorker = new ArrayList<Latencies>();
        long interval = 1_000_000_000L / ratePerSecond;
        long total = duration.toNanos() / interval;
        var next = new AtomicLong();
        long processCpu = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        for (int worker = 0; worker < workers; worker++) {
            var latencies = new Latencies();
            var random = new SplittableRandom(SEED + worker);
            perWorker.add(latencies);
            threads.add(Thread.ofPlatform().name("bench-worker-" + worker).start(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long intended = start + i * interval;
                    for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    if (tally.attempt(call, random)) {
                        latencies.add(System.nanoTime() - intended);
                    }
                }
                tally.clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            }));
        }
        return collect(threads, perWorker, start, processCpu, tally);
    }

    private static Result collect(List<Thread> threads, List<Latencies> parts, long start, long processCpu, Tally tally)
            throws InterruptedException {
        for (var thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        processCpu = PROCESS.getProcessCpuTime() - processCpu;
        var latencies = new Latencies();
        for (var part : parts) {
            latencies.addAll(part);
        }
        return new Result(
                latencies,
                latencies.count() / seconds,
                tally.count.get(),
                tally.first.get(),
                tally.clientCpu.get(),
                processCpu);
    }

    /**
     * Counts failed calls and keeps the first one's message, which usually explains all the others; adds up the
     * calling threads' CPU time.
     */
    private static final class Tally {
        final AtomicLong clientCpu = new AtomicLong();
        final AtomicLong count = new AtomicLong();
        final AtomicReference<String> first = new AtomicReference<>("");

        boolean attempt(Call call, SplittableRandom random) {
            try {
                call.run(random);
                return true;
            } catch (Exhausted e) {
                throw e;
            } catch (Exception e) {
                count.incrementAndGet();
                first.compareAndSet("", e.getClass().getSimpleName() + ": " + e.getMessage());
                return false;
            }
        }
    }
}

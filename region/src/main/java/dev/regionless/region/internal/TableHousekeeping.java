package dev.regionless.region.internal;

import dev.regionless.tables.TableStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region's background work on its tables: deleting expired items (time to live) every few seconds — DynamoDB
 * takes up to days, so any delay is faithful, and a short one makes TTL testable — and trimming stream records
 * past their retention (24 hours, as DynamoDB Streams keeps them, unless configured otherwise).
 */
public final class TableHousekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TableHousekeeping.class);
    static final Duration EXPIRY_INTERVAL = Duration.ofSeconds(5);

    private final ScheduledExecutorService scheduler;

    private TableHousekeeping(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * @param streamRetention how old a stream record may get, on the tables' clock
     * @param trimInterval how often streams are trimmed
     */
    public static TableHousekeeping start(
            TableStore tables, String region, Duration streamRetention, Duration trimInterval) {
        var scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .daemon()
                .name("tables-housekeeping-" + region)
                .factory());
        scheduler.scheduleWithFixedDelay(
                () -> run("expire items", tables::expireItems),
                EXPIRY_INTERVAL.toMillis(),
                EXPIRY_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                () -> run("trim streams", () -> tables.trimStreams(streamRetention)),
                trimInterval.toMillis(),
                trimInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        return new TableHousekeeping(scheduler);
    }

    private static void run(String task, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // A failed round is retried at the next one; the scheduler must keep running.
            LOG.warn("table housekeeping could not {}: {}", task, e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

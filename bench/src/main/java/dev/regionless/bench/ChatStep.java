package dev.regionless.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One phase of the chat benchmark: messages sent at a fixed rate, and their deliveries to each group of clients.
 *
 * @param perSecond the messages sent per second
 * @param messages how many messages were sent
 * @param firstSent the first message's scheduled send time ({@link System#nanoTime()})
 * @param lastSent the last message's scheduled send time
 * @param groups the deliveries, by group of clients
 */
record ChatStep(double perSecond, int messages, long firstSent, long lastSent, List<Group> groups) {
    /** The phase keeps up if every message reaches every client within this long of the last send. */
    static final Duration KEEPS_UP_WITHIN = Duration.ofSeconds(2);

    /** The target for p99 from send to delivery, at 100 messages per second. */
    static final double TARGET_P99_MILLIS = 100;

    record Group(String name, int clients, ChatDeliveries deliveries) {
        long delivered() {
            return deliveries.latencies().count();
        }
    }

    /** Every (message, client) pair delivered, the last within {@link #KEEPS_UP_WITHIN} of the last send. */
    boolean keptUp() {
        for (var group : groups) {
            if (!group.deliveries().complete()
                    || group.deliveries().lastArrival() - lastSent > KEEPS_UP_WITHIN.toNanos()) {
                return false;
            }
        }
        return true;
    }

    boolean meetsLatencyTarget() {
        for (var group : groups) {
            if (!group.deliveries().complete()
                    || group.deliveries().latencies().percentileMillis(99) > TARGET_P99_MILLIS) {
                return false;
            }
        }
        return true;
    }

    /** Delivered (message, client) pairs per second, from the first send to the last arrival, in all groups. */
    double deliveriesPerSecond() {
        long delivered = 0;
        long lastArrival = firstSent;
        for (var group : groups) {
            delivered += group.delivered();
            lastArrival = Math.max(lastArrival, group.deliveries().lastArrival());
        }
        return delivered / Math.max(1e-9, (lastArrival - firstSent) / 1e9);
    }

    /** One line per group: latency, deliveries and how long after the last send the last one arrived. */
    void print(String indent) {
        for (var group : groups) {
            var latencies = group.deliveries().latencies();
            double lastAfter = (group.deliveries().lastArrival() - lastSent) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%s%-26s p50 %7.1f ms  p99 %7.1f ms (target <= %.0f)  delivered %,d of %,d  last %+.2f s after"
                            + " the last send%n",
                    indent,
                    group.name(),
                    latencies.percentileMillis(50),
                    latencies.percentileMillis(99),
                    TARGET_P99_MILLIS,
                    group.delivered(),
                    group.deliveries().expected(),
                    lastAfter);
        }
        long frames = 0;
        long delivered = 0;
        for (var group : groups) {
            frames += group.deliveries().frames();
            delivered += group.delivered();
        }
        System.out.printf(
                Locale.ROOT,
                "%s%-26s %,.0f deliveries/s in %,d frames (%,.0f posts/s, %.1f messages a frame); %s%n",
                indent,
                "",
                deliveriesPerSecond(),
                frames,
                frames * deliveriesPerSecond() / Math.max(1, delivered),
                delivered / (double) Math.max(1, frames),
                keptUp() ? "kept up" : "did not keep up");
    }
}

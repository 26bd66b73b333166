package dev.regionless.bench;

import dev.regionless.region.RegionSet;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Global tables across three regions in this JVM with no link delay: replication lag at {@value #RATE} writes/s
 * spread over the regions, then the time the replicas take to agree again after a partition that held back
 * {@value #PENDING_WRITES} writes.
 */
final class ReplicationBench {
    static final List<String> REGIONS = List.of("eu-west-2", "us-west-2", "us-east-1");
    static final int RATE = 1_000;
    static final int WORKERS = 32;
    static final int SAMPLE_EVERY = 10;
    static final int PENDING_WRITES = 10_000;
    static final String PAYLOAD = "x".repeat(180);
    private static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(60);

    /** How long each phase runs; {@code --warmup=S --measure=S --partition=S} in seconds. */
    record Settings(Duration warmup, Duration measure, Duration partition) {
        static Settings parse(List<String> options) {
            var settings = new Settings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(60));
            for (var option : options) {
                var parts = option.split("=", 2);
                var seconds = parts.length == 2 ? Duration.ofSeconds(Long.parseLong(parts[1])) : null;
                settings = switch (parts[0]) {
                    case "--warmup" -> new Settings(seconds, settings.measure, settings.partition);
                    case "--measure" -> new Settings(settings.warmup, seconds, settings.partition);
                    case "--partition" -> new Settings(settings.warmup, settings.measure, seconds);
                    default ->
                        throw new IllegalArgumentException("bench replication: " + option
                                + " (expected --warmup=SECONDS, --measure=SECONDS or --partition=SECONDS)");
                };
            }
            return settings;
        }
    }

    private ReplicationBench() {}

    static void run(List<String> options) throws Exception {
        var settings = Settings.parse(options);
        var data = Files.createTempDirectory("regionless-bench");
        try (var regions = RegionSet.start(data, REGIONS);
                var table = GlobalTable.create(regions, REGIONS)) {
            printHeader(settings);
            measureLag(table, settings);
            measureConvergence(table, settings.partition);
            System.out.printf(Locale.ROOT, "   load average at the end: %.1f%n", loadAverage());
        } finally {
            TablesBench.deleteTree(data);
        }
    }

    private static void printHeader(Settings settings) {
        System.out.println("== Replication: a global table across " + REGIONS + " in this JVM, no link delay");
        System.out.printf(
                Locale.ROOT,
                "   durable writes; SDK v2 clients (Apache HTTP) in this JVM; items of ~200 bytes, keys never written"
                        + " before%n   %d cores, load average at the start: %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
    }

    /** Open-loop PutItem round-robin over the regions; every tenth write followed until the other regions show it. */
    private static void measureLag(GlobalTable table, Settings settings) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "-- lag: PutItem at %d/s in total, round-robin over the regions (%d s warm-up, then %d s measured);%n"
                        + "   every %dth write is read back (consistent BatchGetItem per round) in the other two regions until"
                        + " it shows%n",
                RATE,
                settings.warmup.toSeconds(),
                settings.measure.toSeconds(),
                SAMPLE_EVERY);
        var warmUp = new LagProbe(table);
        CallLoad.open(writes(table, "warm-", warmUp), RATE, settings.warmup, WORKERS);
        warmUp.finish();
        var probe = new LagProbe(table);
        var load = CallLoad.open(writes(table, "lag-", probe), RATE, settings.measure, WORKERS);
        probe.finish();
        System.out.printf(
                Locale.ROOT,
                "   writes: %,.0f/s acknowledged, %d errors%s; PutItem %s%n",
                load.requestsPerSecond(),
                load.errors(),
                load.firstError().isEmpty() ? "" : " (first: " + load.firstError() + ")",
                load.latencies().summary());
        var lag = probe.allReplicas();
        System.out.printf(
                Locale.ROOT,
                "   lag until visible in both other regions: p50 %.1f ms  p99 %.1f ms  max %.1f ms  (n=%d, %d not"
                        + " seen within 10 s)   (target p99 <= 50 ms)%n",
                lag.percentileMillis(50),
                lag.percentileMillis(99),
                lag.percentileMillis(100),
                lag.count(),
                probe.lost());
        probe.perLink()
                .forEach((link, latencies) -> System.out.printf(
                        Locale.ROOT,
                        "     %-23s p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                        link,
                        latencies.percentileMillis(50),
                        latencies.percentileMillis(99),
                        latencies.percentileMillis(100)));
        System.out.println("   the links' own figures (admin API, creation to acknowledgement, recent shipments):");
        for (var region : table.regionNames()) {
            for (var link : table.replicationStatus(region).path("links")) {
                System.out.printf(
                        Locale.ROOT,
                        "     %-23s p50 %d ms  p99 %d ms  shipped %,d  pending %d%n",
                        link.path("source").asText() + " > "
                                + link.path("destination").asText(),
                        link.path("lagP50Millis").asLong(),
                        link.path("lagP99Millis").asLong(),
                        link.path("shipped").asLong(),
                        link.path("pending").asLong());
            }
        }
    }

    /** A PutItem of a new key in the next region in turn; every {@value #SAMPLE_EVERY}th one handed to the probe. */
    private static CallLoad.Call writes(GlobalTable table, String prefix, LagProbe probe) {
        var counter = new AtomicLong();
        return random -> {
            long n = counter.getAndIncrement();
            var region = REGIONS.get((int) (n % REGIONS.size()));
            var key = prefix + n;
            table.client(region).putItem(b -> b.tableName(GlobalTable.NAME).item(item(key)));
            if (n % SAMPLE_EVERY == 0) {
                probe.sample(key, region, System.nanoTime());
            }
        };
    }

    private static Map<String, AttributeValue> item(String key) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", AttributeValue.fromS(key));
        item.put("payload", AttributeValue.fromS(PAYLOAD));
        return item;
    }

    /**
     * Cuts the first region off, writes {@value #PENDING_WRITES} items spread over all regions, keeps the partition
     * for {@code partition} in all, heals it and times until every link has nothing pending and until the replicas
     * compare identical.
     */
    private static void measureConvergence(GlobalTable table, Duration partition) throws Exception {
        var isolated = REGIONS.getFirst();
        System.out.printf(
                Locale.ROOT,
                "-- partition: %s's links cut for %d s, %,d PutItem spread over all three regions meanwhile%n",
                isolated,
                partition.toSeconds(),
                PENDING_WRITES);
        long cut = System.nanoTime();
        table.setLinks(isolated, false);
        long written = System.nanoTime();
        long errors = writeBurst(table);
        double writeSeconds = (System.nanoTime() - written) / 1e9;
        long pending = 0;
        for (var region : table.regionNames()) {
            pending += table.pending(region);
        }
        System.out.printf(
                Locale.ROOT,
                "   written in %.1f s (%,.0f/s, %d errors); changes pending on the links before healing: %,d%n",
                writeSeconds,
                PENDING_WRITES / writeSeconds,
                errors,
                pending);
        long heal = cut + partition.toNanos();
        for (long wait = heal - System.nanoTime(); wait > 0; wait = heal - System.nanoTime()) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        table.setLinks(isolated, true);
        long healed = System.nanoTime();
        awaitConvergence(table, healed);
    }

    /** {@value #PENDING_WRITES} PutItem calls of new keys from {@value #WORKERS} threads, region by region in turn. */
    private static long writeBurst(GlobalTable table) throws InterruptedException {
        var next = new AtomicLong();
        var errors = new AtomicLong();
        var threads = new ArrayList<Thread>();
        for (int worker = 0; worker < WORKERS; worker++) {
            threads.add(Thread.ofPlatform().name("bench-burst-" + worker).start(() -> {
                for (long n = next.getAndIncrement(); n < PENDING_WRITES; n = next.getAndIncrement()) {
                    var region = REGIONS.get((int) (n % REGIONS.size()));
                    var key = "partition-" + n;
                    try {
                        table.client(region)
                                .putItem(b -> b.tableName(GlobalTable.NAME).item(item(key)));
                    } catch (SdkException e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        return errors.get();
    }

    /** Polls the links' backlog every 10 ms and compares the replicas until they agree. */
    private static void awaitConvergence(GlobalTable table, long healed) throws InterruptedException {
        long drained = -1;
        long deadline = healed + CONVERGE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (drained < 0 && totalPending(table) == 0) {
                drained = System.nanoTime();
            }
            if (drained >= 0) {
                long compared = System.nanoTime();
                var verification = table.verify();
                long done = System.nanoTime();
                if (verification.identical()) {
                    System.out.printf(
                            Locale.ROOT,
                            "   after healing: nothing pending on any link at %.2f s; replicas identical (%,d items) at"
                                    + " %.2f s   (target <= 2 s)%n   (each comparison of the replicas took %.0f ms;"
                                    + " the last one started at %.2f s)%n",
                            (drained - healed) / 1e9,
                            verification.items(),
                            (done - healed) / 1e9,
                            (done - compared) / 1e6,
                            (compared - healed) / 1e9);
                    return;
                }
            }
            Thread.sleep(10);
        }
        System.out.printf(
                Locale.ROOT,
                "   after healing: replicas not identical within %d s (target <= 2 s)%n",
                CONVERGE_TIMEOUT.toSeconds());
    }

    private static long totalPending(GlobalTable table) throws InterruptedException {
        long pending = 0;
        for (var region : table.regionNames()) {
            pending += table.pending(region);
        }
        return pending;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

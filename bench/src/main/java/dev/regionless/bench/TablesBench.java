package dev.regionless.bench;

import dev.regionless.region.RegionSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * PutItem, GetItem and Query through the AWS SDK for Java v2, against one region's tables and against dynalite (a
 * Node.js implementation of the DynamoDB API, in memory), both measured in this run with the same clients: throughput
 * and latency with one client and with {@value #CLIENTS}, the ratio of throughputs, the CPU each call cost the
 * server, and GetItem latency at a fixed {@value #OPEN_LOOP_RATE} requests/s.
 */
final class TablesBench {
    static final int CLIENTS = 64;
    static final int OPEN_LOOP_RATE = 1_000;
    static final int OPEN_LOOP_WORKERS = 32;
    static final String REGION = "eu-west-2";

    /** How long each phase runs; {@code --warmup=S --measure=S --open-loop=S} in seconds. */
    record Settings(Duration warmup, Duration measure, Duration openLoop) {
        static Settings parse(List<String> options) {
            var settings = new Settings(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10));
            for (var option : options) {
                var parts = option.split("=", 2);
                var seconds = parts.length == 2 ? Duration.ofSeconds(Long.parseLong(parts[1])) : null;
                settings = switch (parts[0]) {
                    case "--warmup" -> new Settings(seconds, settings.measure, settings.openLoop);
                    case "--measure" -> new Settings(settings.warmup, seconds, settings.openLoop);
                    case "--open-loop" -> new Settings(settings.warmup, settings.measure, seconds);
                    default ->
                        throw new IllegalArgumentException("bench tables: " + option
                                + " (expected --warmup=SECONDS, --measure=SECONDS or --open-loop=SECONDS)");
                };
            }
            return settings;
        }
    }

    /** The measured calls, each with what it does. */
    enum Operation {
        PUT_ITEM("PutItem", "items of ~200 bytes, keys never written before"),
        GET_ITEM("GetItem", "one of " + TableWorkload.GET_KEYS + " items, at random"),
        QUERY("Query", "one partition of " + TableWorkload.PARTITION_ITEMS + " items, all returned");

        final String awsName;
        final String what;

        Operation(String awsName, String what) {
            this.awsName = awsName;
            this.what = what;
        }

        CallLoad.Call call(TableWorkload workload) {
            return switch (this) {
                case PUT_ITEM -> workload::putItem;
                case GET_ITEM -> workload::getItem;
                case QUERY -> workload::query;
            };
        }
    }

    /** One measured run on one target, with the CPU time per call of the clients and of the server. */
    record Run(CallLoad.Result result, double clientCpuMicros, double serverCpuMicros) {}

    /** One operation on one target: with one client and with {@value #CLIENTS}. */
    record Figures(Run single, Run loaded) {}

    private TablesBench() {}

    static void run(Path home, List<String> options) throws Exception {
        var settings = Settings.parse(options);
        var data = Files.createTempDirectory("regionless-bench");
        try (var regions = RegionSet.start(data, List.of(REGION));
                var dynalite = Dynalite.start(home);
                var regionless = TableWorkload.inThisProcess(
                        "Regionless", regions.region(REGION).endpoints().service());
                var peer = TableWorkload.inOwnProcess(Dynalite.NAME, dynalite.endpoint(), dynalite::cpuNanos)) {
            printHeader(settings);
            var targets = prepared(List.of(regionless, peer));
            warmUp(targets, settings.warmup);
            var figures = new EnumMap<Operation, Map<TableWorkload, Figures>>(Operation.class);
            for (var operation : Operation.values()) {
                figures.put(operation, measure(operation, targets, settings.measure));
            }
            // The peer runs the same schedule: its tail, in the same minute, tells the machine's hiccups from ours.
            var openLoop = new LinkedHashMap<TableWorkload, CallLoad.Result>();
            for (var target : targets) {
                var get = Operation.GET_ITEM.call(target);
                CallLoad.open(get, OPEN_LOOP_RATE, settings.warmup, OPEN_LOOP_WORKERS);
                openLoop.put(target, CallLoad.open(get, OPEN_LOOP_RATE, settings.openLoop, OPEN_LOOP_WORKERS));
            }
            TablesReport.print(figures, regionless, peer, openLoop);
            System.out.printf(Locale.ROOT, "   load average at the end: %.1f%n", loadAverage());
        } finally {
            deleteTree(data);
        }
    }

    private static void printHeader(Settings settings) {
        System.out.println("== Tables: PutItem, GetItem and Query through the AWS SDK for Java v2, Regionless vs "
                + Dynalite.NAME);
        System.out.printf(
                Locale.ROOT,
                "   one region in this JVM (durable writes); dynalite in memory on Node.js; clients are threads of"
                        + " this JVM%n   making synchronous calls over kept-alive connections; %d s warm-up of each"
                        + " call on each target with %d clients, then %d s per measurement%n   %d cores, load average at the start: %.1f%n",
                settings.warmup.toSeconds(),
                CLIENTS,
                settings.measure.toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
    }

    /** The targets that could create the table and load it; the others are named with the reason and left out. */
    private static List<TableWorkload> prepared(List<TableWorkload> targets) throws Exception {
        var ready = new ArrayList<TableWorkload>();
        for (var target : targets) {
            try {
                target.prepare();
                ready.add(target);
            } catch (SdkException e) {
                System.out.println("   " + target.name() + " could not be prepared: " + e.getMessage());
            }
        }
        return ready;
    }

    /**
     * Every operation on every target before anything is measured, so that the client code and the servers are
     * compiled and warm for all measurements alike, whichever comes first.
     */
    private static void warmUp(List<TableWorkload> targets, Duration duration) throws InterruptedException {
        for (var operation : Operation.values()) {
            for (var target : targets) {
                CallLoad.closed(operation.call(target), CLIENTS, duration);
            }
        }
    }

    /** One operation on every target, interleaved: one client on each, then all clients on each. */
    private static Map<TableWorkload, Figures> measure(
            Operation operation, List<TableWorkload> targets, Duration duration) throws InterruptedException {
        var single = new ArrayList<Run>();
        for (var target : targets) {
            single.add(run(operation, target, 1, duration));
        }
        var figures = new LinkedHashMap<TableWorkload, Figures>();
        for (int i = 0; i < targets.size(); i++) {
            var target = targets.get(i);
            figures.put(target, new Figures(single.get(i), run(operation, target, CLIENTS, duration)));
        }
        return figures;
    }

    private static Run run(Operation operation, TableWorkload target, int clients, Duration duration)
            throws InterruptedException {
        long before = target.ownProcessCpuNanos();
        var result = CallLoad.closed(operation.call(target), clients, duration);
        double calls = Math.max(1, result.latencies().count() + result.errors());
        return new Run(
                result, result.clientCpuNanos() / calls / 1000, target.serverCpuNanos(result, before) / calls / 1000);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package dev.regionless.bench;

import dev.regionless.region.RegionSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * PutItem, GetItem and Query through the AWS SDK for Java v2, against one region's tables and against dynalite (a
 * Node.js implementation of the DynamoDB API, in memory), both measured in this run with the same clients: throughput
 * and latency with one client and with {@value #CLIENTS}, the ratio of throughputs, and GetItem latency at a fixed
 * {@value #OPEN_LOOP_RATE} requests/s against the region.
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

    /** One operation on one target: with one client and with {@value #CLIENTS}. */
    record Figures(CallLoad.Result single, CallLoad.Result loaded) {}

    private TablesBench() {}

    static void run(Path home, List<String> options) throws Exception {
        var settings = Settings.parse(options);
        var data = Files.createTempDirectory("regionless-bench");
        try (var regions = RegionSet.start(data, List.of(REGION));
                var dynalite = Dynalite.start(home);
                var regionless = TableWorkload.connect(
                        "Regionless", regions.region(REGION).endpoints().service());
                var peer = TableWorkload.connect(Dynalite.NAME, dynalite.endpoint())) {
            System.out.println("== Tables: PutItem, GetItem and Query through the AWS SDK for Java v2, Regionless vs "
                    + Dynalite.NAME);
            System.out.printf(
                    Locale.ROOT,
                    "   one region in this JVM (durable writes); dynalite in memory on Node.js; clients are threads of"
                            + " this JVM%n   making synchronous calls over kept-alive connections; %d s warm-up with"
                            + " %d clients, then %d s per measurement%n",
                    settings.warmup.toSeconds(),
                    CLIENTS,
                    settings.measure.toSeconds());
            var ours = measure(regionless, settings);
            var theirs = measure(peer, settings);
            CallLoad.Result openLoop = null;
            if (!ours.isEmpty()) {
                var get = Operation.GET_ITEM.call(regionless);
                CallLoad.open(get, OPEN_LOOP_RATE, settings.warmup, OPEN_LOOP_WORKERS);
                openLoop = CallLoad.open(get, OPEN_LOOP_RATE, settings.openLoop, OPEN_LOOP_WORKERS);
            }
            TablesReport.print(ours, theirs, openLoop);
        } finally {
            deleteTree(data);
        }
    }

    /** All operations on one target; empty when the target cannot even create the table. */
    private static Map<Operation, Figures> measure(TableWorkload workload, Settings settings) throws Exception {
        var figures = new EnumMap<Operation, Figures>(Operation.class);
        try {
            workload.prepare();
        } catch (SdkException e) {
            System.out.println("   " + workload.name() + " could not be prepared: " + e.getMessage());
            return figures;
        }
        for (var operation : Operation.values()) {
            var call = operation.call(workload);
            CallLoad.closed(call, CLIENTS, settings.warmup);
            var single = CallLoad.closed(call, 1, settings.measure);
            var loaded = CallLoad.closed(call, CLIENTS, settings.measure);
            figures.put(operation, new Figures(single, loaded));
        }
        return figures;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

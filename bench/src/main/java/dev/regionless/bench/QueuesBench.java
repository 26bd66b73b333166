package dev.regionless.bench;

import dev.regionless.region.RegionSet;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SendMessage, SendMessageBatch, ReceiveMessage and DeleteMessage against one region's queues (durable on RocksDB)
 * and against ElasticMQ (in memory), both in this JVM and measured in this run with the same clients: throughput
 * with {@value #CLIENTS} clients by default, the ratio of throughputs, latency percentiles, and the CPU per call of server and
 * client. Twice: through the AWS SDK for Java v2 as users call, and with a raw HTTP load generator that leaves the
 * two cores to the servers, since the SDK's own CPU per call is a large part of the machine's.
 */
final class QueuesBench {
    static final int CLIENTS = 32;
    static final String REGION = "eu-west-2";
    static final int DELETE_WARMUP = 5_000;

    /**
     * {@code --warmup=S --measure=S} set how long each phase runs, {@code --clients=N} how many clients call at once
     * (the same for both targets), {@code --client=sdk|raw|both} which load generator; {@code --target=regionless}
     * measures Regionless alone (to profile it).
     */
    record Settings(Duration warmup, Duration measure, int clients, List<Client> loadGenerators, boolean peer) {
        static Settings parse(List<String> options) {
            // A long warm-up: under a loaded machine the JIT needs it before SendMessage, the first call measured, is
            // fair.
            var settings = new Settings(
                    Duration.ofSeconds(10), Duration.ofSeconds(5), CLIENTS, List.of(Client.values()), true);
            for (var option : options) {
                var parts = option.split("=", 2);
                var value = parts.length == 2 ? parts[1] : "";
                settings = switch (parts[0]) {
                    case "--warmup" ->
                        new Settings(
                                seconds(value),
                                settings.measure,
                                settings.clients,
                                settings.loadGenerators,
                                settings.peer);
                    case "--measure" ->
                        new Settings(
                                settings.warmup,
                                seconds(value),
                                settings.clients,
                                settings.loadGenerators,
                                settings.peer);
                    case "--clients" ->
                        new Settings(
                                settings.warmup,
                                settings.measure,
                                Integer.parseInt(value),
                                settings.loadGenerators,
                                settings.peer);
                    case "--client" ->
                        new Settings(
                                settings.warmup,
                                settings.measure,
                                settings.clients,
                                value.equals("both")
                                        ? List.of(Client.values())
                                        : List.of(Client.valueOf(value.toUpperCase(Locale.ROOT))),
                                settings.peer);
                    case "--target" ->
                        new Settings(
                                settings.warmup,
                                settings.measure,
                                settings.clients,
                                settings.loadGenerators,
                                !value.equals("regionless"));
                    default ->
                        throw new IllegalArgumentException("bench queues: " + option
                                + " (expected --warmup=SECONDS, --measure=SECONDS, --clients=N,"
                                + " --client=sdk|raw|both or --target=regionless)");
                };
            }
            return settings;
        }

        private static Duration seconds(String value) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
    }

    /** The measured calls. */
    enum Operation {
        SEND("SendMessage", "200-byte bodies"),
        SEND_BATCH("SendMessageBatch", "10 bodies of 200 bytes a call"),
        RECEIVE("ReceiveMessage", "one message, visibility timeout 0, from a backlog of 1,000"),
        DELETE("DeleteMessage", "receipt handles of messages received beforehand, all deleted");

        final String awsName;
        final String what;

        Operation(String awsName, String what) {
            this.awsName = awsName;
            this.what = what;
        }

        CallLoad.Call call(QueueWorkload workload, Client client) {
            return client == Client.SDK
                    ? switch (this) {
                        case SEND -> workload::sendMessage;
                        case SEND_BATCH -> workload::sendMessageBatch;
                        case RECEIVE -> workload::receiveMessage;
                        case DELETE -> workload::deleteMessage;
                    }
                    : switch (this) {
                        case SEND -> workload::rawSendMessage;
                        case SEND_BATCH -> workload::rawSendMessageBatch;
                        case RECEIVE -> workload::rawReceiveMessage;
                        case DELETE -> workload::rawDeleteMessage;
                    };
        }
    }

    /**
     * Who makes the calls: the AWS SDK for Java v2, as users do, or {@link RawSqs}, the same requests as raw HTTP,
     * which costs so little CPU that the servers, not the clients, fill the two cores (server capacity).
     */
    enum Client {
        SDK("through the AWS SDK for Java v2 (SqsClient, Apache 5 HTTP client)", 20_000),
        RAW("server capacity: the same requests as raw HTTP/1.1 from a light load generator", 60_000);

        final String what;
        final int deletePool;

        Client(String what, int deletePool) {
            this.what = what;
            this.deletePool = deletePool;
        }
    }

    private QueuesBench() {}

    static void run(List<String> options) throws Exception {
        var settings = Settings.parse(options);
        var data = Files.createTempDirectory("regionless-bench-queues");
        try (var regions = RegionSet.start(data, List.of(REGION));
                var elasticMq = ElasticMq.start();
                var regionless = new QueueWorkload(
                        "Regionless", regions.region(REGION).endpoints().service());
                var peer = new QueueWorkload(ElasticMq.NAME, elasticMq.endpoint())) {
            System.out.println(
                    "== Queues: SendMessage, SendMessageBatch, ReceiveMessage and DeleteMessage, Regionless vs "
                            + ElasticMq.NAME + ", through the AWS SDK for Java v2 and from a raw HTTP load generator");
            System.out.printf(
                    Locale.ROOT,
                    "   one region in this JVM (durable: every call waits for its log sync); ElasticMQ embedded in"
                            + " this JVM, in memory;%n   %d synchronous clients each, %d s warm-up, %d s per"
                            + " measurement; %d cores, load average at the start: %.1f%n",
                    settings.clients,
                    settings.warmup.toSeconds(),
                    settings.measure.toSeconds(),
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            var targets = settings.peer ? List.of(regionless, peer) : List.of(regionless);
            for (var target : targets) {
                target.prepare();
            }
            for (var client : settings.loadGenerators) {
                var results = new LinkedHashMap<Operation, Map<QueueWorkload, CallLoad.Result>>();
                for (var operation : Operation.values()) {
                    var byTarget = new LinkedHashMap<QueueWorkload, CallLoad.Result>();
                    for (var target : targets) {
                        byTarget.put(target, measure(operation, client, target, settings));
                    }
                    results.put(operation, byTarget);
                }
                System.out.printf(Locale.ROOT, "%n-- %s; load average now %.1f%n", client.what, loadAverage());
                print(results, regionless, peer);
            }
            System.out.printf(Locale.ROOT, "   load average at the end: %.1f%n", loadAverage());
        } finally {
            TablesBench.deleteTree(data);
        }
    }

    private static CallLoad.Result measure(Operation operation, Client client, QueueWorkload target, Settings settings)
            throws InterruptedException {
        var call = operation.call(target, client);
        if (operation != Operation.DELETE) {
            CallLoad.closed(call, settings.clients, settings.warmup);
            return CallLoad.closed(call, settings.clients, settings.measure);
        }
        // Deletes use up their receipt handles: warm up on a small pool, then time deleting a large one.
        target.collectHandles(DELETE_WARMUP);
        CallLoad.closed(call, settings.clients, settings.warmup, new AtomicBoolean());
        target.collectHandles(client.deletePool);
        return CallLoad.closed(call, settings.clients, settings.measure.multipliedBy(4), new AtomicBoolean());
    }

    private static void print(
            Map<Operation, Map<QueueWorkload, CallLoad.Result>> results, QueueWorkload ours, QueueWorkload peer) {
        System.out.printf(
                Locale.ROOT,
                "   %-16s %-10s %9s %10s %8s %8s %6s %9s %9s %7s%n",
                "call",
                "target",
                "calls/s",
                "messages/s",
                "p50 ms",
                "p99 ms",
                "errors",
                "server us",
                "client us",
                "ratio");
        results.forEach((operation, byTarget) -> {
            var mine = byTarget.get(ours);
            var theirs = byTarget.get(peer);
            for (var entry : byTarget.entrySet()) {
                var result = entry.getValue();
                System.out.printf(
                        Locale.ROOT,
                        "   %-16s %-10s %9.0f %10.0f %8.2f %8.2f %6d %9.0f %9.0f %7s%n",
                        operation.awsName,
                        entry.getKey().name().split(" ")[0],
                        result.requestsPerSecond(),
                        result.requestsPerSecond() * (operation == Operation.SEND_BATCH ? 10 : 1),
                        result.latencies().percentileMillis(50),
                        result.latencies().percentileMillis(99),
                        result.errors(),
                        serverMicrosPerCall(result),
                        clientMicrosPerCall(result),
                        entry.getKey() == ours ? ratio(mine, theirs) : "");
                if (!result.firstError().isEmpty()) {
                    System.out.println("      first error: " + result.firstError());
                }
            }
            System.out.println("      (" + operation.what + ")");
        });
    }

    private static String ratio(CallLoad.Result mine, CallLoad.Result theirs) {
        return theirs == null || theirs.requestsPerSecond() == 0
                ? "n/a"
                : String.format(Locale.ROOT, "%.2fx", mine.requestsPerSecond() / theirs.requestsPerSecond());
    }

    /**
     * The CPU the server spent per call: this process's CPU time during the run less the calling threads' own. Only
     * one target is loaded at a time, so the rest is that target's (with the JIT and the garbage collector's work,
     * the clients' garbage included).
     */
    private static double serverMicrosPerCall(CallLoad.Result result) {
        double calls = Math.max(1, result.latencies().count() + result.errors());
        return (result.processCpuNanos() - result.clientCpuNanos()) / calls / 1000;
    }

    /** The calling threads' own CPU per call: the SDK and its HTTP client, or the raw load generator. */
    private static double clientMicrosPerCall(CallLoad.Result result) {
        double calls = Math.max(1, result.latencies().count() + result.errors());
        return result.clientCpuNanos() / calls / 1000;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

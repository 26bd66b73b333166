package dev.regionless.bench;

import dev.regionless.functions.FunctionUsage;
import dev.regionless.region.RegionNode;
import dev.regionless.region.RegionSet;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Quack, the reference chat, under WebSocket load: clients connected to one region, a few of them sending messages
 * on a fixed schedule, and the time from each send to its delivery at every client (the {@code send} function
 * stores the message, the table's stream invokes the stream reader, which posts each batch to every connection
 * through {@code @connections}). Then the same with two regions, where replication is in the path of the remote
 * region's clients. All clients share one Vert.x event loop in this JVM; the regions run in it too.
 */
final class ChatBench {
    static final String HOME_REGION = "eu-west-2";
    static final String REMOTE_REGION = "us-west-2";
    static final int CLIENTS = 1000;
    static final int SENDERS = 4;
    static final double BASE_RATE = 100;
    /** Low enough to leave no backlog, so that the measurement after it starts from an idle stream. */
    static final double WARMUP_RATE = 50;

    static final Duration WARMUP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(20);
    static final Duration RAMP_STEP = Duration.ofSeconds(8);
    static final int RAMP_STEPS = 3;
    static final Duration TWO_REGION_MEASURE = Duration.ofSeconds(15);

    /** How long after its last send a phase waits for deliveries; what has not arrived by then is missing. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);

    private ChatBench() {}

    static void run(Path home) throws Exception {
        var template = home.resolve("examples/quack/template.yaml");
        var clientLoop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            System.out.println("== Chat: Quack over WebSockets, send to delivery at every client");
            System.out.printf(
                    Locale.ROOT,
                    "   clients: Vert.x WebSocket clients on one event loop of this JVM, %d of them sending open loop;"
                            + "%n   latency from each message's scheduled send to its arrival at each client;"
                            + " regions in this JVM%n   each client group warms up %d s at %.0f messages/s first;"
                            + " a phase waits at most %d s after its last send%n   no peer: the original app ran on AWS, and nothing comparable"
                            + " runs on this machine%n   %d cores, load average at the start: %.1f%n",
                    SENDERS,
                    WARMUP.toSeconds(),
                    WARMUP_RATE,
                    DRAIN_LIMIT.toSeconds(),
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            oneRegion(template, clientLoop);
            twoRegions(template, clientLoop);
            System.out.printf(Locale.ROOT, "   load average at the end: %.1f%n", loadAverage());
        } finally {
            clientLoop.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static void oneRegion(Path template, Vertx clientLoop) throws Exception {
        var data = Files.createTempDirectory("regionless-bench");
        try (var regions = RegionSet.start(data, List.of(HOME_REGION))) {
            regions.deploy(template, Map.of());
            System.out.printf(Locale.ROOT, "-- one region (%s), %,d clients%n", HOME_REGION, CLIENTS);
            var traffic = new ChatTraffic(clientLoop);
            try (var clients = connect(clientLoop, HOME_REGION + " clients", regions, HOME_REGION, CLIENTS)) {
                var groups = List.of(clients);
                var senders = clients.senders(SENDERS);
                measure(traffic, groups, senders, WARMUP_RATE, WARMUP);
                awaitQuiet(groups);
                System.out.printf(Locale.ROOT, "   %.0f messages/s for %d s:%n", BASE_RATE, MEASURE.toSeconds());
                var base = measure(traffic, groups, senders, BASE_RATE, MEASURE);
                base.print("     ");
                ramp(traffic, groups, senders, base);
                printOtherFrames(groups);
            }
        } finally {
            deleteTree(data);
        }
    }

    /**
     * From the base rate, doubles the rate while delivery keeps up, or halves it until it does; the maximum
     * sustainable rate is the highest step whose every delivery arrived within 2 s of its last send.
     */
    private static void ramp(ChatTraffic traffic, List<ChatClients> groups, List<WebSocket> senders, ChatStep base)
            throws Exception {
        var steps = new ArrayList<ChatStep>();
        steps.add(base);
        boolean up = base.keptUp();
        double rate = up ? BASE_RATE * 2 : BASE_RATE / 2;
        System.out.printf(Locale.ROOT, "   ramp, %d s per step:%n", RAMP_STEP.toSeconds());
        for (int i = 0; i < RAMP_STEPS; i++) {
            awaitQuiet(groups);
            var step = measure(traffic, groups, senders, rate, RAMP_STEP);
            System.out.printf(Locale.ROOT, "     %.0f messages/s:%n", rate);
            step.print("     ");
            steps.add(step);
            if (step.keptUp() != up) {
                break;
            }
            rate = up ? rate * 2 : rate / 2;
        }
        System.out.printf(
                Locale.ROOT,
                "   maximum sustainable rate (every delivery within %d s of the last send): %s%n"
                        + "   highest rate with p99 <= %.0f ms: %s%n",
                ChatStep.KEEPS_UP_WITHIN.toSeconds(),
                highest(steps, ChatStep::keptUp),
                ChatStep.TARGET_P99_MILLIS,
                highest(steps, ChatStep::meetsLatencyTarget));
    }

    private static String highest(List<ChatStep> steps, Predicate<ChatStep> passes) {
        return steps.stream()
                .filter(passes)
                .map(ChatStep::perSecond)
                .max(Comparator.naturalOrder())
                .map(rate -> String.format(Locale.ROOT, "%.0f messages/s", rate))
                .orElse("none of the rates tried");
    }

    private static void twoRegions(Path template, Vertx clientLoop) throws Exception {
        var data = Files.createTempDirectory("regionless-bench");
        try (var regions = RegionSet.start(data, List.of(HOME_REGION, REMOTE_REGION))) {
            regions.deploy(template, Map.of());
            System.out.printf(
                    Locale.ROOT,
                    "-- two regions, no link delay: %,d clients in %s, %,d in %s; messages sent in %s%n",
                    CLIENTS / 2,
                    HOME_REGION,
                    CLIENTS / 2,
                    REMOTE_REGION,
                    HOME_REGION);
            var traffic = new ChatTraffic(clientLoop);
            try (var local = connect(clientLoop, "local (" + HOME_REGION + ")", regions, HOME_REGION, CLIENTS / 2);
                    var remote = connect(
                            clientLoop, "remote (" + REMOTE_REGION + ")", regions, REMOTE_REGION, CLIENTS / 2)) {
                var groups = List.of(local, remote);
                var senders = local.senders(SENDERS);
                measure(traffic, groups, senders, WARMUP_RATE, WARMUP);
                awaitQuiet(groups);
                System.out.printf(
                        Locale.ROOT, "   %.0f messages/s for %d s:%n", BASE_RATE, TWO_REGION_MEASURE.toSeconds());
                measure(traffic, groups, senders, BASE_RATE, TWO_REGION_MEASURE).print("     ");
                printOtherFrames(groups);
            }
        } finally {
            deleteTree(data);
        }
    }

    private static ChatClients connect(Vertx clientLoop, String name, RegionSet regions, String region, int count)
            throws Exception {
        long start = System.nanoTime();
        var node = regions.region(region);
        var clients = ChatClients.connect(
                clientLoop, name, node.endpoints().websocket(), count, () -> invocations(node, "OnDisconnect"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "   connected %,d clients to %s in %.1f s (%,.0f connections/s)%n",
                clients.size(),
                region,
                seconds,
                clients.size() / seconds);
        return clients;
    }

    /** Sends {@code rate × duration} messages and waits for their deliveries, at most {@link #DRAIN_LIMIT}. */
    private static ChatStep measure(
            ChatTraffic traffic, List<ChatClients> groups, List<WebSocket> senders, double rate, Duration duration)
            throws Exception {
        var range = traffic.reserve((int) Math.round(rate * duration.toMillis() / 1000.0));
        var recorded = new ArrayList<ChatStep.Group>();
        for (var clients : groups) {
            var deliveries = new ChatDeliveries(traffic, range, clients.size());
            recorded.add(new ChatStep.Group(clients.name(), clients.size(), deliveries));
            clients.recordInto(deliveries);
        }
        traffic.send(senders, range, rate).get(duration.toSeconds() + 30, TimeUnit.SECONDS);
        long lastSent = traffic.sentAt(range.end() - 1);
        long deadline = lastSent + DRAIN_LIMIT.toNanos();
        while (System.nanoTime() < deadline
                && !recorded.stream().allMatch(group -> group.deliveries().complete())) {
            Thread.sleep(20);
        }
        groups.forEach(clients -> clients.recordInto(ChatDeliveries.ignoring()));
        return new ChatStep(rate, range.size(), traffic.sentAt(range.first()), lastSent, List.copyOf(recorded));
    }

    /**
     * Waits, at most 10 s, until no client has received anything for half a second: the previous phase's backlog
     * is gone. Says so when it is not, since the next phase then starts behind.
     */
    private static void awaitQuiet(List<ChatClients> groups) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            long last =
                    groups.stream().mapToLong(ChatClients::lastFrameNanos).max().orElse(0);
            if (System.nanoTime() - last > Duration.ofMillis(500).toNanos()) {
                return;
            }
            Thread.sleep(50);
        }
        System.out.println(
                "   (the previous phase's messages were still arriving 10 s after it; the next starts behind)");
    }

    private static void printOtherFrames(List<ChatClients> groups) {
        long other = groups.stream().mapToLong(ChatClients::otherFrames).sum();
        if (other > 0) {
            System.out.printf(Locale.ROOT, "   frames other than broadcasts (errors): %,d%n", other);
        }
    }

    /** Finished invocations of the region's function whose name contains {@code function}. */
    static long invocations(RegionNode region, String function) {
        return region.functions().usage().stream()
                .filter(usage -> usage.functionName().contains(function))
                .mapToLong(FunctionUsage::invocations)
                .sum();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

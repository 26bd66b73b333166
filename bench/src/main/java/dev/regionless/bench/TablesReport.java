package dev.regionless.bench;

import dev.regionless.bench.TablesBench.Figures;
import dev.regionless.bench.TablesBench.Operation;
import dev.regionless.bench.TablesBench.Run;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Prints the tables benchmark's figures, each beside its target. */
final class TablesReport {
    static final double TARGET_RATIO = 10;
    static final double TARGET_OPEN_LOOP_P99_MILLIS = 2;
    static final double TARGET_PUTS_PER_SECOND = 20_000;

    private TablesReport() {}

    static void print(
            Map<Operation, Map<TableWorkload, Figures>> figures,
            TableWorkload regionless,
            TableWorkload peer,
            Map<TableWorkload, CallLoad.Result> openLoop) {
        System.out.println("   (CPU is microseconds per call: in the calling threads, and in the server; Regionless's"
                + " server CPU is this JVM's less the calling threads', GC included)");
        System.out.printf(
                Locale.ROOT,
                "                                       req/s    p50 ms    p99 ms   errors   CPU client   server%n");
        for (var operation : Operation.values()) {
            var ours = figures.get(operation).get(regionless);
            var theirs = figures.get(operation).get(peer);
            System.out.println("   " + operation.awsName + " (" + operation.what + ")");
            rows("1 client", ours, theirs, Figures::single);
            rows(TablesBench.CLIENTS + " clients", ours, theirs, Figures::loaded);
            if (ours != null && theirs != null) {
                System.out.printf(
                        Locale.ROOT,
                        "     throughput Regionless / dynalite: %.1fx with 1 client, %.1fx with %d (target >= %.0fx)%n",
                        ratio(ours.single(), theirs.single()),
                        ratio(ours.loaded(), theirs.loaded()),
                        TablesBench.CLIENTS,
                        TARGET_RATIO);
                System.out.printf(
                        Locale.ROOT,
                        "     server CPU per call dynalite / Regionless: %.1fx with 1 client, %.1fx with %d%n",
                        theirs.single().serverCpuMicros() / ours.single().serverCpuMicros(),
                        theirs.loaded().serverCpuMicros() / ours.loaded().serverCpuMicros(),
                        TablesBench.CLIENTS);
            }
            if (operation == Operation.PUT_ITEM && ours != null) {
                System.out.printf(
                        Locale.ROOT,
                        "     durable PutItem/s with %d clients: %,.0f (target >= %,.0f)%n",
                        TablesBench.CLIENTS,
                        ours.loaded().result().requestsPerSecond(),
                        TARGET_PUTS_PER_SECOND);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "   GetItem open loop at %,d req/s (latency from each call's intended send time; target for Regionless"
                        + " p99 <= %.0f ms)%n",
                TablesBench.OPEN_LOOP_RATE,
                TARGET_OPEN_LOOP_P99_MILLIS);
        openLoop.forEach((target, result) -> {
            System.out.printf(
                    Locale.ROOT,
                    "     %-15s %s  achieved %,.0f req/s  errors %d%n",
                    target.name(),
                    result.latencies().summary(),
                    result.requestsPerSecond(),
                    result.errors());
            if (result.errors() > 0) {
                System.out.println("       first error: " + result.firstError());
            }
        });
    }

    private static void rows(String clients, Figures ours, Figures theirs, Function<Figures, Run> which) {
        System.out.printf(Locale.ROOT, "     %-12s %s%n", clients, row("Regionless", ours, which));
        System.out.printf(Locale.ROOT, "     %-12s %s%n", "", row(Dynalite.NAME, theirs, which));
    }

    private static String row(String target, Figures figures, Function<Figures, Run> which) {
        if (figures == null) {
            return String.format(Locale.ROOT, "%-15s not measured", target);
        }
        var run = which.apply(figures);
        var result = run.result();
        var text = String.format(
                Locale.ROOT,
                "%-15s %,9.0f %9.3f %9.3f %8d %12.0f %8.0f",
                target,
                result.requestsPerSecond(),
                result.latencies().percentileMillis(50),
                result.latencies().percentileMillis(99),
                result.errors(),
                run.clientCpuMicros(),
                run.serverCpuMicros());
        return result.errors() == 0
                ? text
                : text + System.lineSeparator() + "       first error: " + result.firstError();
    }

    private static double ratio(Run ours, Run theirs) {
        return ours.result().requestsPerSecond() / theirs.result().requestsPerSecond();
    }
}

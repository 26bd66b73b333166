package dev.regionless.bench;

import dev.regionless.bench.TablesBench.Figures;
import dev.regionless.bench.TablesBench.Operation;
import java.util.Locale;
import java.util.Map;

/** Prints the tables benchmark's figures, each beside its target. */
final class TablesReport {
    static final double TARGET_RATIO = 10;
    static final double TARGET_OPEN_LOOP_P99_MILLIS = 2;
    static final double TARGET_PUTS_PER_SECOND = 20_000;

    private TablesReport() {}

    static void print(Map<Operation, Figures> ours, Map<Operation, Figures> theirs, CallLoad.Result openLoop) {
        for (var operation : Operation.values()) {
            var our = ours.get(operation);
            var their = theirs.get(operation);
            System.out.println("   " + operation.awsName + " (" + operation.what + ")");
            System.out.println("     1 client     " + line("Regionless", our == null ? null : our.single()));
            System.out.println("                  " + line(Dynalite.NAME, their == null ? null : their.single()));
            System.out.printf(
                    Locale.ROOT,
                    "     %-13s%s%n",
                    TablesBench.CLIENTS + " clients",
                    line("Regionless", our == null ? null : our.loaded()));
            System.out.println("                  " + line(Dynalite.NAME, their == null ? null : their.loaded()));
            if (our != null && their != null) {
                System.out.printf(
                        Locale.ROOT,
                        "     throughput ratio Regionless / dynalite: 1 client %.1fx, %d clients %.1fx (target >= %.0fx)%n",
                        ratio(our.single(), their.single()),
                        TablesBench.CLIENTS,
                        ratio(our.loaded(), their.loaded()),
                        TARGET_RATIO);
            }
            if (operation == Operation.PUT_ITEM && our != null) {
                System.out.printf(
                        Locale.ROOT,
                        "     durable PutItem/s with %d clients: %,.0f (target >= %,.0f)%n",
                        TablesBench.CLIENTS,
                        our.loaded().requestsPerSecond(),
                        TARGET_PUTS_PER_SECOND);
            }
        }
        if (openLoop != null) {
            System.out.printf(
                    Locale.ROOT,
                    "   GetItem open loop at %,d req/s against Regionless (latency from each call's intended send"
                            + " time)%n     %s  achieved %,.0f req/s  errors %d  (target p99 <= %.0f ms)%n",
                    TablesBench.OPEN_LOOP_RATE,
                    openLoop.latencies().summary(),
                    openLoop.requestsPerSecond(),
                    openLoop.errors(),
                    TARGET_OPEN_LOOP_P99_MILLIS);
            firstError(openLoop);
        }
    }

    private static String line(String target, CallLoad.Result result) {
        if (result == null) {
            return String.format(Locale.ROOT, "%-15s not measured", target);
        }
        var text = String.format(
                Locale.ROOT,
                "%-15s %,8.0f req/s  %s  errors %d",
                target,
                result.requestsPerSecond(),
                result.latencies().summary(),
                result.errors());
        return result.errors() == 0
                ? text
                : text + System.lineSeparator() + "         first error: " + result.firstError();
    }

    private static double ratio(CallLoad.Result ours, CallLoad.Result theirs) {
        return ours.requestsPerSecond() / theirs.requestsPerSecond();
    }

    private static void firstError(CallLoad.Result result) {
        if (result.errors() > 0) {
            System.out.println("     first error: " + result.firstError());
        }
    }
}

package dev.regionless.bench;

import java.util.List;
import java.util.Locale;

/**
 * What a failover did to the clients, measured from the moment the region failed ({@code t0}): when the first
 * request sent after it was answered by another region, when the last request failed, when every WebSocket client
 * was connected to another region again, and the errors each kind of client saw.
 */
record FailoverReport(
        double firstElsewhereMillis,
        double lastFailureMillis,
        double socketsMovedMillis,
        long getsOk,
        long getsFailed,
        long postsOk,
        long postsFailed,
        long socketCloses,
        long socketFailedConnects) {

    /**
     * @param t0 when the region had failed (the chaos action returned)
     * @param started when the chaos action began: failures from then on count, so the last may come before t0
     */
    static FailoverReport of(FailoverClients clients, String victim, long t0, int sockets, long started) {
        List<FailoverClients.Outcome> outcomes = List.copyOf(clients.outcomes);
        double firstElsewhere = outcomes.stream()
                .filter(o -> o.ok()
                        && o.sentNanos() >= t0
                        && o.region() != null
                        && !o.region().equals(victim))
                .mapToDouble(o -> (o.doneNanos() - t0) / 1e6)
                .min()
                .orElse(Double.NaN);
        double lastFailure = outcomes.stream()
                .filter(o -> !o.ok() && o.doneNanos() >= started)
                .mapToDouble(o -> (o.doneNanos() - t0) / 1e6)
                .max()
                .orElse(Double.NaN);
        var events = List.copyOf(clients.socketEvents);
        double socketsMoved = 0;
        for (int client = 0; client < sockets; client++) {
            int c = client;
            socketsMoved = Math.max(
                    socketsMoved,
                    events.stream()
                            .filter(e -> e.client() == c
                                    && e.atNanos() >= t0
                                    && e.what().equals("connected"))
                            .filter(e -> !victim.equals(e.region()))
                            .mapToDouble(e -> (e.atNanos() - t0) / 1e6)
                            .min()
                            .orElse(Double.NaN));
        }
        return new FailoverReport(
                firstElsewhere,
                lastFailure,
                socketsMoved,
                count(outcomes, "GET", true, started),
                count(outcomes, "GET", false, started),
                count(outcomes, "POST", true, started),
                count(outcomes, "POST", false, started),
                events.stream()
                        .filter(e -> e.atNanos() >= started && e.what().equals("closed"))
                        .count(),
                events.stream()
                        .filter(e -> e.atNanos() >= started && e.what().equals("failed"))
                        .count());
    }

    private static long count(List<FailoverClients.Outcome> outcomes, String kind, boolean ok, long since) {
        return outcomes.stream()
                .filter(o -> o.kind().equals(kind) && o.ok() == ok && o.doneNanos() >= since)
                .count();
    }

    void print(String scenario) {
        System.out.printf(
                Locale.ROOT,
                "     %-12s first request served elsewhere after %s; last failed request %s;"
                        + " every WebSocket on another region after %s%n",
                scenario,
                millis(firstElsewhereMillis),
                Double.isNaN(lastFailureMillis) ? "none" : "at " + millis(lastFailureMillis),
                millis(socketsMovedMillis));
        System.out.printf(
                Locale.ROOT,
                "     %-12s GET %d ok, %d failed; POST %d ok, %d failed; WebSocket %d closed by the edge or region,"
                        + " %d failed connects%n",
                "",
                getsOk,
                getsFailed,
                postsOk,
                postsFailed,
                socketCloses,
                socketFailedConnects);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "never";
        }
        return Math.abs(value) >= 10_000
                ? String.format(Locale.ROOT, "%.1f s", value / 1000)
                : String.format(Locale.ROOT, "%.0f ms", value);
    }
}

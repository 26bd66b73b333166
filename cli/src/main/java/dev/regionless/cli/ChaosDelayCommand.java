package dev.regionless.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chaos delay A B --ms N}: the one-way delay between two regions, in both directions, while they run; or,
 * when A or B is an edge, the round trip from that edge to the region, which its latency routing goes by.
 */
@Command(
        name = "delay",
        description = "Change the one-way delay of the replication link between two regions, in both directions,"
                + " while they run (kept until they stop); changes wait that long before they leave for the other"
                + " region. With an edge and a region: the round trip from the edge to the region, which the"
                + " edge's latency routing adds to what it measures.")
final class ChaosDelayCommand implements Callable<Integer> {
    /** The longest delay the regions accept; a longer one is a cut ({@code chaos link ... cut}). */
    static final int MAX_MILLIS = 60_000;

    @Parameters(index = "0", paramLabel = "REGION1", description = "One end, for example eu-west-2 (or an edge).")
    String first;

    @Parameters(index = "1", paramLabel = "REGION2", description = "The other end, for example us-west-2.")
    String second;

    @Option(names = "--ms", required = true, paramLabel = "N", description = "The delay in milliseconds, 0..60000.")
    int millis;

    @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
    Path data = Path.of(".regionless");

    @Override
    public Integer call() {
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new CliException("--ms: " + millis + " (expected: 0.." + MAX_MILLIS + ")");
        }
        var admin = new AdminClient(data);
        requireKnown(admin, first);
        requireKnown(admin, second);
        boolean firstIsEdge = admin.edgeNames().contains(first);
        boolean secondIsEdge = admin.edgeNames().contains(second);
        if (firstIsEdge && secondIsEdge) {
            throw new CliException("chaos delay: " + first + " " + second + " are both edges (expected: an edge and a"
                    + " region, or two regions)");
        }
        if (firstIsEdge || secondIsEdge) {
            edgeDelay(admin, firstIsEdge ? first : second, firstIsEdge ? second : first);
            return 0;
        }
        if (first.equals(second)) {
            throw new CliException("chaos delay: " + first + " " + second + " (expected: two different regions)");
        }
        var body = Map.of("delayMillis", millis);
        admin.put(first, "/admin/links/" + second + "/delay", body);
        admin.put(second, "/admin/links/" + first + "/delay", body);
        System.out.println(first + " <-> " + second + ": " + millis + " ms each way");
        return 0;
    }

    /**
     * The round trip from an edge to a region, which the edge's latency routing adds to what it measures: its
     * clients move to another region when this one is no longer the nearest.
     */
    private void edgeDelay(AdminClient admin, String edge, String region) {
        var adminUrl = admin.edge(edge).path("admin").asText("");
        if (adminUrl.isEmpty()) {
            throw new CliException("chaos delay: edge " + edge + " has no admin URL in "
                    + data.resolve("endpoints.json") + " (is it running with this --data?)");
        }
        admin.putAt(URI.create(adminUrl + "/admin/edge/delays/" + region), Map.of("delayMillis", millis));
        System.out.println(edge + " -> " + region + ": " + millis + " ms round trip (" + edge
                + "'s latency routing follows at once)");
    }

    private static void requireKnown(AdminClient admin, String name) {
        if (!admin.regionNames().contains(name) && !admin.edgeNames().contains(name)) {
            throw new CliException("chaos delay: " + name + " is neither a region nor an edge of this run (regions: "
                    + String.join(", ", admin.regionNames()) + "; edges: "
                    + (admin.edgeNames().isEmpty() ? "none" : String.join(", ", admin.edgeNames())) + ")");
        }
    }
}

package dev.regionless.cli;

import dev.regionless.common.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "status",
        description = "Show the running regions, their endpoints and functions, and each replication link's backlog"
                + " and lag; --watch redraws it every second with each region's state, links and edges.")
final class StatusCommand implements Callable<Integer> {
    /** Clears a terminal and moves the cursor home. */
    private static final String CLEAR = "\033[H\033[2J";

    @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
    Path data = Path.of(".regionless");

    @Option(
            names = {"-w", "--watch"},
            description = "Redraw every second until Ctrl-C: regions' state, health switch, links, replication lag,"
                    + " and the edges' views.")
    boolean watch;

    @Option(
            names = "--json",
            description = "Print the whole run's state once as JSON (each region's /admin/status, each edge's view).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (json && watch) {
            throw new CliException("--json and --watch: choose one (--json prints once)");
        }
        if (json) {
            var snapshot =
                    StatusSnapshot.take(new AdminClient(data), Clock.systemUTC().instant());
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(snapshot));
            return 0;
        }
        if (watch) {
            watch(System.out, Terminal.isStdoutTerminal());
            return 0;
        }
        once();
        return 0;
    }

    /**
     * Redraws until interrupted. On a terminal each view replaces the last; otherwise (a pipe, a file) views follow
     * each other, separated by a blank line. The run is looked up again every time, so the view follows regions that
     * stop and start.
     */
    private void watch(PrintStream out, boolean terminal) throws InterruptedException {
        var clock = Clock.systemUTC();
        while (!Thread.currentThread().isInterrupted()) {
            var lines = new java.util.ArrayList<String>();
            try {
                lines.addAll(StatusScreen.lines(StatusSnapshot.take(new AdminClient(data), clock.instant())));
            } catch (CliException e) {
                lines.add(clock.instant() + " " + e.getMessage());
            }
            var view = new StringBuilder(terminal ? CLEAR : "");
            lines.forEach(line -> view.append(line).append(System.lineSeparator()));
            if (!terminal) {
                view.append(System.lineSeparator());
            }
            out.print(view);
            out.flush();
            Thread.sleep(1000);
        }
    }

    /** The one-shot view: a line per region, then its replication links. */
    private void once() {
        var admin = new AdminClient(data);
        for (var region : admin.regionNames()) {
            var endpoints = admin.endpoints(region);
            String health;
            String functions = "";
            var replication = java.util.List.<String>of();
            try {
                health = admin.get(region, "/admin/health").path("status").asText();
                functions =
                        admin.get(region, "/admin/functions").path("functions").toString();
                replication = ReplicationLines.of(admin.get(region, "/admin/replication"));
            } catch (CliException e) {
                health = "unreachable";
            }
            System.out.printf(
                    "%-12s %-11s service %s  api %s  functions %s%n",
                    region,
                    health,
                    endpoints.path("service").asText(),
                    endpoints.path("api").asText("-"),
                    functions);
            replication.forEach(System.out::println);
        }
    }
}

package dev.regionless.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "status",
        description = "Show the running regions, their endpoints and functions, and each replication link's backlog"
                + " and lag.")
final class StatusCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
    Path data = Path.of(".regionless");

    @Override
    public Integer call() {
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
        return 0;
    }
}

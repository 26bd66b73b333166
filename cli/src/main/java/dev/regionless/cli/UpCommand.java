package dev.regionless.cli;

import dev.regionless.region.RegionSet;
import dev.regionless.router.AppDomain;
import dev.regionless.router.HealthCheckConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Start several regions in this JVM and deploy one template to all of them.")
final class UpCommand implements Callable<Integer> {
    @Option(names = "--template", required = true, description = "The SAM template (template.yaml).")
    Path template;

    @Option(names = "--regions", split = ",", description = "Regions to run (default: eu-west-2,us-west-2).")
    List<String> regions = List.of("eu-west-2", "us-west-2");

    @Option(
            names = "--edge",
            description = "Start an edge router of this name in front of the regions (repeatable): one address that"
                    + " sends each client to the nearest healthy region, and a DNS server for --domain.")
    List<String> edges = List.of();

    @Option(names = "--domain", description = "The zone the edges answer DNS for (default: app.regionless.test).")
    String domain = "app.regionless.test";

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(template)) {
            throw new CliException("--template: " + template + " does not exist");
        }
        return RunningRegions.run(regions, template, options, UnaryOperator.identity(), System.out, this::startEdges);
    }

    /**
     * The edges, if any were asked for: routing by measured latency (no simulated geography: every edge is where
     * this machine is) and checking each region's {@code /admin/region-health}, which fails while the region is down
     * or its health switch fails. Stopped by the run's shutdown.
     */
    private void startEdges(RegionSet set, PrintStream out) {
        if (edges.isEmpty()) {
            return;
        }
        var sites = edges.stream()
                .map(name -> new RunningEdges.EdgeSite(name, "local", Map.of()))
                .toList();
        var running = RunningEdges.start(
                set, sites, Map.of(), AppDomain.of(domain), "127.0.0.1", HealthCheckConfig.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "regionless-edges-shutdown"));
        running.print(out);
    }
}

package dev.regionless.cli;

import dev.regionless.region.RegionSet;
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

    @Option(
            names = "--domain",
            description = "The zone the edges answer DNS for, when neither the template's Route 53 records nor the"
                    + " routing file name one (default: app.regionless.test).")
    String domain = "app.regionless.test";

    @Mixin
    RunOptions options;

    @Mixin
    EdgeOptions edgeOptions;

    private EdgeRouting routing;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(template)) {
            throw new CliException("--template: " + template + " does not exist");
        }
        return RunningRegions.run(
                regions, template, options, UnaryOperator.identity(), System.out, this::planEdges, this::startEdges);
    }

    /** Reads the edges' routing (template records, routing file or latency) before anything is deployed. */
    private void planEdges(RegionSet set) {
        if (!edges.isEmpty()) {
            routing = edgeOptions.plan(set, template.toAbsolutePath(), options.parameters(), domain, System.out);
        }
    }

    /**
     * The edges, if any were asked for, routing as {@link #planEdges} read (no simulated geography: every edge is
     * where this machine is, so latency routing follows measured round trips). Stopped by the run's shutdown.
     */
    private void startEdges(RegionSet set, PrintStream out) {
        if (edges.isEmpty()) {
            return;
        }
        var sites = edges.stream()
                .map(name -> new RunningEdges.EdgeSite(name, "local", Map.of()))
                .toList();
        var running = RunningEdges.start(set, sites, Map.of(), routing, "127.0.0.1", true);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "regionless-edges-shutdown"));
        running.print(out);
    }
}

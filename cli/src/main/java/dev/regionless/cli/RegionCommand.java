package dev.regionless.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "region",
        description = "Run one region as its own process; several such processes may share a --data folder.")
final class RegionCommand implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "The region name, for example eu-west-2.")
    String name;

    @Option(names = "--template", description = "A template to deploy once the region is up.")
    Path template;

    @Option(names = "--service-port", description = "Service port (default: a free port).")
    int servicePort;

    @Option(names = "--api-port", description = "App (HTTP API) port (default: a free port).")
    int apiPort;

    @Option(names = "--admin-port", description = "Admin port (default: a free port).")
    int adminPort;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        return RunningRegions.run(
                List.of(name), template, options, c -> c.withPorts(servicePort, apiPort, adminPort), System.out);
    }
}

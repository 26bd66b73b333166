package dev.regionless.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(template)) {
            throw new CliException("--template: " + template + " does not exist");
        }
        return RunningRegions.run(regions, template, options, UnaryOperator.identity(), System.out);
    }
}

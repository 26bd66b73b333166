package dev.regionless.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "demo",
        description = "Start the demo: three regions (eu-west-2, us-west-2, us-east-1) running the hello example.")
final class DemoCommand implements Callable<Integer> {
    static final List<String> REGIONS = List.of("eu-west-2", "us-west-2", "us-east-1");

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        var template = home().resolve("examples/hello/template.yaml");
        if (!Files.isRegularFile(template) || !Files.isRegularFile(template.resolveSibling("target/hello.jar"))) {
            throw new CliException("the demo app is not built: expected " + template
                    + " and its target/hello.jar (run ./regionless from the project folder)");
        }
        System.out.println("Regionless demo: the hello app in " + String.join(", ", REGIONS));
        System.out.println();
        return RunningRegions.run(REGIONS, template, options, UnaryOperator.identity(), System.out);
    }

    static Path home() {
        return Path.of(System.getProperty("regionless.home", "."))
                .toAbsolutePath()
                .normalize();
    }
}

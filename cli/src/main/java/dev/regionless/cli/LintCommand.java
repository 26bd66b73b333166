package dev.regionless.cli;

import dev.regionless.functions.FunctionsConfig;
import dev.regionless.region.RegionNode;
import dev.regionless.template.TemplateContext;
import dev.regionless.template.TemplateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Reads a template as a deploy would, without starting anything, and prints its warnings: what is ignored, and
 * settings that do not fit together (an API function that runs longer than the gateway waits, an asynchronously
 * invoked function with no failure destination, a stream event that discards records without a trace). Exits 0
 * when the template can be deployed, warnings or not; a template error prints it and exits 2.
 */
@Command(
        name = "lint",
        description = "Check a template as deploy would and print its warnings (timeouts that do not fit, missing"
                + " failure destinations, ignored properties); exit 0 with warnings, 2 on template errors.")
final class LintCommand implements Callable<Integer> {
    @Option(names = "--template", required = true, description = "The SAM template (template.yaml).")
    Path template;

    @Option(
            names = "--region",
            description = "The region to read the template for (default: ${DEFAULT-VALUE}); conditions and global"
                    + " table replicas may differ by region.")
    String region = "eu-west-2";

    @Mixin
    ParameterOverrides parameterOverrides = new ParameterOverrides();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(template)) {
            throw new CliException("--template: " + template + " does not exist");
        }
        var context = new TemplateContext(
                region,
                FunctionsConfig.DEFAULT_ACCOUNT_ID,
                RegionNode.stackName(template),
                parameterOverrides.values());
        var application = TemplateReader.read(template.toAbsolutePath(), context);
        var out = spec.commandLine().getOut();
        application.warnings().forEach(warning -> out.println("warning: " + warning));
        int count = application.warnings().size();
        out.println(template.getFileName() + ": "
                + (count == 0 ? "no warnings" : count + (count == 1 ? " warning" : " warnings")));
        out.flush();
        return 0;
    }
}

package dev.regionless.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "deploy",
        description = "Deploy a template to every running region of a run; each region keeps serving the old version"
                + " until the new one has loaded there, and keeps it if the new one fails.")
final class DeployCommand implements Callable<Integer> {
    @Option(names = "--template", required = true, description = "The SAM template (template.yaml).")
    Path template;

    @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
    Path data = Path.of(".regionless");

    @Mixin
    ParameterOverrides parameterOverrides = new ParameterOverrides();

    @Override
    public Integer call() {
        if (!Files.isRegularFile(template)) {
            throw new CliException("--template: " + template + " does not exist");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", template.toAbsolutePath().normalize().toString());
        body.put("parameters", parameterOverrides.values());
        var admin = new AdminClient(data);
        for (var region : admin.regionNames()) {
            var answer = admin.post(region, "/admin/deploy", body);
            answer.path("warnings").forEach(w -> System.out.println("warning: " + w.asText()));
            System.out.println(region + ": deployed");
        }
        return 0;
    }
}

package dev.regionless.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the commands that start regions. */
final class RunOptions {
    @Option(names = "--data", description = "Data folder (default: .regionless in the working directory).")
    Path data = Path.of(".regionless");

    @Option(names = "--no-delay", description = "Turn off simulated inter-region delays (for tests and benchmarks).")
    boolean noDelay;

    @Option(
            names = "--parameter-overrides",
            split = ",",
            paramLabel = "KEY=VALUE",
            description = "Template parameter values, as in sam deploy.")
    List<String> parameterOverrides = List.of();

    @Option(names = "--host", description = "Address the regions listen on (default: 127.0.0.1).")
    String host = "127.0.0.1";

    Map<String, String> parameters() {
        var result = new LinkedHashMap<String, String>();
        for (var pair : parameterOverrides) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CliException("--parameter-overrides: " + pair + " (expected: Key=Value)");
            }
            result.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return result;
    }
}

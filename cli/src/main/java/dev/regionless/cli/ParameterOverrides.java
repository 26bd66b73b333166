package dev.regionless.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --parameter-overrides Key=Value,...}, as {@code sam deploy} takes them. */
final class ParameterOverrides {
    @Option(
            names = "--parameter-overrides",
            split = ",",
            paramLabel = "KEY=VALUE",
            description = "Template parameter values, as in sam deploy.")
    List<String> pairs = List.of();

    Map<String, String> values() {
        var result = new LinkedHashMap<String, String>();
        for (var pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CliException("--parameter-overrides: " + pair + " (expected: Key=Value)");
            }
            result.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return result;
    }
}

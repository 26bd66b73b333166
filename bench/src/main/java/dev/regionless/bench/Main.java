package dev.regionless.bench;

import java.nio.file.Path;
import java.util.List;

/** {@code ./regionless bench [gateway|coldstart|all]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        var which = args.length == 0 ? "all" : args[0];
        var home = Path.of(System.getProperty("regionless.home", ".")).toAbsolutePath();
        var template = home.resolve("examples/hello/template.yaml");
        switch (which) {
            case "gateway" -> GatewayBench.run(template);
            case "coldstart" -> ColdStartBench.run(template);
            case "all" -> {
                GatewayBench.run(template);
                ColdStartBench.run(template);
            }
            default -> {
                System.err.println(
                        "bench: " + which + " (expected one of " + List.of("gateway", "coldstart", "all") + ")");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}

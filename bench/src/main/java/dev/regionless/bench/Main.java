package dev.regionless.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./regionless bench [gateway|coldstart|tables|chat|replication|router|queues|all] [options]}; {@code tables} takes
 * {@code --warmup=S}, {@code --measure=S} and {@code --open-loop=S}; {@code replication} takes {@code --warmup=S},
 * {@code --measure=S} and {@code --partition=S}; {@code router} takes {@code --route53-interval=10|30} and
 * {@code --measure=S}; {@code queues} takes {@code --warmup=S}, {@code --measure=S}, {@code --clients=N},
 * {@code --client=sdk|raw|both} and {@code --target=regionless}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        var which = args.length == 0 ? "all" : args[0];
        var home = Path.of(System.getProperty("regionless.home", ".")).toAbsolutePath();
        var template = home.resolve("examples/hello/template.yaml");
        switch (which) {
            case "gateway" -> GatewayBench.run(template);
            case "coldstart" -> ColdStartBench.run(template);
            case "tables" -> TablesBench.run(home, List.of(args).subList(1, args.length));
            case "chat" -> ChatBench.run(home);
            case "replication" -> ReplicationBench.run(List.of(args).subList(1, args.length));
            case "router" -> RouterBench.run(home, List.of(args).subList(1, args.length));
            case "queues" -> QueuesBench.run(List.of(args).subList(1, args.length));
            case "all" -> {
                GatewayBench.run(template);
                ColdStartBench.run(template);
                TablesBench.run(home, List.of());
                ChatBench.run(home);
                ReplicationBench.run(List.of());
                RouterBench.run(home, List.of());
                QueuesBench.run(List.of());
            }
            default -> {
                System.err.println("bench: " + which + " (expected one of "
                        + List.of("gateway", "coldstart", "tables", "chat", "replication", "router", "queues", "all")
                        + ")");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}

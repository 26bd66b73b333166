package dev.regionless.cli;

import dev.regionless.region.RegionConfig;
import dev.regionless.region.RegionSet;
import dev.regionless.replication.LinkDelays;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "demo",
        description = "Start the demo: Quack, the global chat, in three regions (eu-west-2, us-west-2, us-east-1).")
final class DemoCommand implements Callable<Integer> {
    static final List<String> REGIONS = List.of("eu-west-2", "us-west-2", "us-east-1");

    /**
     * One-way delays between the demo's regions, about half the round trips measured between those AWS regions, so
     * that replication lag and conflicts look like the real thing. {@code --no-delay} turns them off.
     */
    static final LinkDelays REALISTIC_DELAYS = LinkDelays.none()
            .withBoth("eu-west-2", "us-west-2", Duration.ofMillis(70))
            .withBoth("eu-west-2", "us-east-1", Duration.ofMillis(38))
            .withBoth("us-west-2", "us-east-1", Duration.ofMillis(32));

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        var template = home().resolve("examples/quack/template.yaml");
        if (!Files.isRegularFile(template) || !Files.isRegularFile(template.resolveSibling("target/quack.jar"))) {
            throw new CliException("the demo app is not built: expected " + template
                    + " and its target/quack.jar (run ./regionless from the project folder)");
        }
        System.out.println("Regionless demo: Quack, the global chat, in " + String.join(", ", REGIONS));
        System.out.println();
        UnaryOperator<RegionConfig> delays =
                options.noDelay ? UnaryOperator.identity() : config -> config.withLinkDelays(REALISTIC_DELAYS);
        return RunningRegions.run(REGIONS, template, options, delays, System.out, DemoCommand::printChatUrls);
    }

    /**
     * The page of each region, told about every region so that it can fail over by itself when its own goes down:
     * {@code ?ws=} lists the WebSocket URLs, own region first, and {@code &api=} the matching REST addresses.
     */
    static void printChatUrls(RegionSet set, PrintStream out) {
        out.println();
        out.println("Open the chat (one page per region; open two in different browsers and talk across regions):");
        for (var region : set.regions()) {
            var order = new ArrayList<>(set.regions());
            order.remove(region);
            order.addFirst(region);
            var sockets = new ArrayList<String>();
            var apis = new ArrayList<String>();
            for (var node : order) {
                var endpoints = node.endpoints();
                if (endpoints.websocket() != null && endpoints.api() != null) {
                    sockets.add(endpoints.websocket().toString());
                    apis.add(endpoints.api().toString());
                }
            }
            var page =
                    region.endpoints().api() + "/?ws=" + String.join(",", sockets) + "&api=" + String.join(",", apis);
            out.printf("  %-10s %s%n", region.name(), page);
        }
        out.println();
        out.println("From another terminal, take a region down and watch its page move to another:");
        out.println("  ./regionless chaos region " + set.regions().getFirst().name() + " down   (then: up)");
    }

    static Path home() {
        return Path.of(System.getProperty("regionless.home", "."))
                .toAbsolutePath()
                .normalize();
    }
}

package dev.regionless.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "chaos",
        description = "Break things on purpose in a running demo or up, found through --data.",
        subcommands = {ChaosCommand.Region.class, ChaosCommand.Health.class})
final class ChaosCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("regionless chaos: name what to break, for example: chaos health eu-west-2 fail");
        return 2;
    }

    @Command(
            name = "region",
            description = "Take a region down ('down': its APIs, WebSockets, service port and replication links stop"
                    + " answering, as if its data centre went dark) or bring it back with its data ('up').")
    static final class Region implements Callable<Integer> {
        @Parameters(index = "0", description = "The region, for example eu-west-2.")
        String region;

        @Parameters(index = "1", description = "down or up.")
        String state;

        @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
        Path data = Path.of(".regionless");

        @Override
        public Integer call() {
            if (!state.equals("down") && !state.equals("up")) {
                throw new CliException("a region goes 'down' or 'up', not '" + state + "'");
            }
            var answer = new AdminClient(data).put(region, "/admin/region-state", Map.of("state", state));
            System.out.println(region + " is " + answer.path("state").asText());
            return 0;
        }
    }

    @Command(
            name = "health",
            description = "Turn a region's health switch: 'fail' makes its apps' health endpoints (those that follow"
                    + " REGIONLESS_REGION_HEALTH, like Quack's) answer 500; 'pass' restores them.")
    static final class Health implements Callable<Integer> {
        @Parameters(index = "0", description = "The region, for example eu-west-2.")
        String region;

        @Parameters(index = "1", description = "fail or pass.")
        String status;

        @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
        Path data = Path.of(".regionless");

        @Override
        public Integer call() {
            if (!status.equals("fail") && !status.equals("pass")) {
                throw new CliException("the health switch is 'fail' or 'pass', not '" + status + "'");
            }
            var answer = new AdminClient(data).put(region, "/admin/health-switch", Map.of("status", status));
            System.out.println(
                    region + " health switch: " + answer.path("status").asText());
            return 0;
        }
    }
}

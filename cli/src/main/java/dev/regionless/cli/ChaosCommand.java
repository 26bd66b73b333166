package dev.regionless.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "chaos",
        description = "Break things on purpose in a running demo or up, found through --data.",
        subcommands = {
            ChaosCommand.Region.class,
            ChaosCommand.Health.class,
            ChaosCommand.Link.class,
            ChaosDelayCommand.class
        })
final class ChaosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine()
                .getErr()
                .println("regionless chaos: name what to break, for example: chaos health eu-west-2 fail"
                        + " (commands: region, health, link, delay)");
        return 2;
    }

    /** What a region becomes; any other word is a usage error. */
    enum RegionState {
        DOWN,
        UP;

        @Override
        public String toString() {
            return LowerCaseWords.word(this);
        }
    }

    static final class RegionStateWords extends LowerCaseWords<RegionState> {
        RegionStateWords() {
            super(RegionState.class);
        }
    }

    /** The health switch's positions. */
    enum HealthStatus {
        FAIL,
        PASS;

        @Override
        public String toString() {
            return LowerCaseWords.word(this);
        }
    }

    static final class HealthStatusWords extends LowerCaseWords<HealthStatus> {
        HealthStatusWords() {
            super(HealthStatus.class);
        }
    }

    /** What happens to a replication link. */
    enum LinkAction {
        CUT,
        HEAL;

        @Override
        public String toString() {
            return LowerCaseWords.word(this);
        }
    }

    static final class LinkActionWords extends LowerCaseWords<LinkAction> {
        LinkActionWords() {
            super(LinkAction.class);
        }
    }

    @Command(
            name = "region",
            description = "Take a region down ('down': its APIs, WebSockets, service port and replication links stop"
                    + " answering, as if its data centre went dark) or bring it back with its data ('up').")
    static final class Region implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REGION", description = "The region, for example eu-west-2.")
        String region;

        @Parameters(
                index = "1",
                paramLabel = "down|up",
                description = "down or up.",
                converter = RegionStateWords.class)
        RegionState state;

        @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
        Path data = Path.of(".regionless");

        @Override
        public Integer call() {
            var admin = new AdminClient(data);
            admin.requireRegion(region);
            var answer = admin.put(region, "/admin/region-state", Map.of("state", state.toString()));
            System.out.println(region + " is " + answer.path("state").asText());
            return 0;
        }
    }

    @Command(
            name = "health",
            description = "Turn a region's health switch: 'fail' makes its apps' health endpoints (those that follow"
                    + " REGIONLESS_REGION_HEALTH, like Quack's) answer 500; 'pass' restores them.")
    static final class Health implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REGION", description = "The region, for example eu-west-2.")
        String region;

        @Parameters(
                index = "1",
                paramLabel = "fail|pass",
                description = "fail or pass.",
                converter = HealthStatusWords.class)
        HealthStatus status;

        @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
        Path data = Path.of(".regionless");

        @Override
        public Integer call() {
            var admin = new AdminClient(data);
            admin.requireRegion(region);
            var answer = admin.put(region, "/admin/health-switch", Map.of("status", status.toString()));
            System.out.println(
                    region + " health switch: " + answer.path("status").asText());
            return 0;
        }
    }

    @Command(
            name = "link",
            description = "Cut the replication link between two regions ('cut': nothing passes either way, writes"
                    + " wait in each region) or heal it ('heal': what waited is shipped at once).")
    static final class Link implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "REGION1", description = "One end, for example eu-west-2.")
        String first;

        @Parameters(index = "1", paramLabel = "REGION2", description = "The other end, for example us-west-2.")
        String second;

        @Parameters(
                index = "2",
                paramLabel = "cut|heal",
                description = "cut or heal.",
                converter = LinkActionWords.class)
        LinkAction action;

        @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
        Path data = Path.of(".regionless");

        @Override
        public Integer call() {
            var admin = new AdminClient(data);
            admin.requireRegion(first);
            admin.requireRegion(second);
            if (first.equals(second)) {
                throw new CliException(
                        "chaos link: " + first + " " + second + " (expected: two different regions; a link joins two)");
            }
            // Both ends, so that each region reports the link as it is; either end alone already stops everything.
            var state = Map.of("state", action == LinkAction.CUT ? "cut" : "up");
            admin.put(first, "/admin/links/" + second, state);
            admin.put(second, "/admin/links/" + first, state);
            System.out.println(first + " <-> " + second + ": " + (action == LinkAction.CUT ? "cut" : "healed"));
            return 0;
        }
    }
}

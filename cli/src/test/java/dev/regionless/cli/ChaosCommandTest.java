package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos commands a user gets wrong, against a run's {@code endpoints.json}: each is refused before any region is
 * called (the admin URLs here lead nowhere), with a non-zero exit code and a message naming what is known.
 */
class ChaosCommandTest {
    @TempDir
    Path data;

    @BeforeEach
    void writeEndpoints() throws Exception {
        Files.writeString(data.resolve("endpoints.json"), """
                {"regions": {
                   "eu-west-2": {"service": "http://127.0.0.2:9", "admin": "http://127.0.0.2:9"},
                   "us-west-2": {"service": "http://127.0.0.3:9", "admin": "http://127.0.0.3:9"}},
                 "edges": {"london": {"http": "http://127.0.0.1:9"}}}
                """);
    }

    @Test
    void anUnknownRegionIsRefusedListingTheRegionsOfTheRun() {
        var result = run("chaos", "region", "eu-west-9", "down");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("regionless: eu-west-9 is not a region of this run (regions: eu-west-2, us-west-2)\n");
    }

    @Test
    void theHealthSwitchOfAnUnknownRegionIsRefused() {
        var result = run("chaos", "health", "ap-south-1", "fail");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("ap-south-1 is not a region of this run (regions: eu-west-2, us-west-2)");
    }

    @Test
    void aLinkToAnUnknownRegionIsRefused() {
        var result = run("chaos", "link", "eu-west-2", "us-east-1", "cut");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("us-east-1 is not a region of this run (regions: eu-west-2, us-west-2)");
    }

    @Test
    void aLinkFromARegionToItselfIsRefused() {
        var result = run("chaos", "link", "eu-west-2", "eu-west-2", "cut");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("chaos link: eu-west-2 eu-west-2 (expected: two different regions");
    }

    @Test
    void anUnknownVerbIsAUsageErrorThatShowsTheAcceptedWords() {
        var region = run("chaos", "region", "eu-west-2", "sideways");
        var link = run("chaos", "link", "eu-west-2", "us-west-2", "snip");
        var health = run("chaos", "health", "eu-west-2", "maybe");

        assertThat(region.exitCode()).isEqualTo(2);
        assertThat(region.err()).contains("'sideways' (expected: down or up)", "Usage: regionless chaos region");
        assertThat(link.exitCode()).isEqualTo(2);
        assertThat(link.err()).contains("'snip' (expected: cut or heal)");
        assertThat(health.exitCode()).isEqualTo(2);
        assertThat(health.err()).contains("'maybe' (expected: fail or pass)");
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        var result = run("chaos", "link", "eu-west-2", "us-west-2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter", "cut|heal");
    }

    @Test
    void aDelayBetweenUnknownNamesIsRefusedListingRegionsAndEdges() {
        var result = run("chaos", "delay", "paris", "eu-west-2", "--ms", "40");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("chaos delay: paris is neither a region nor an edge of this run (regions: eu-west-2,"
                        + " us-west-2; edges: london)");
    }

    @Test
    void aDelayOutOfRangeIsRefused() {
        var negative = run("chaos", "delay", "eu-west-2", "us-west-2", "--ms", "-1");
        var notANumber = run("chaos", "delay", "eu-west-2", "us-west-2", "--ms", "soon");
        var missing = run("chaos", "delay", "eu-west-2", "us-west-2");

        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--ms: -1 (expected: 0..60000)");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("'soon' is not an int");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--ms=N'");
    }

    @Test
    void aDelayFromAnEdgeWithoutAnAdminUrlIsRefusedNamingTheFile() {
        var result = run("chaos", "delay", "london", "eu-west-2", "--ms", "40");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("chaos delay: edge london has no admin URL in");
    }

    @Test
    void chaosWithoutASubcommandNamesTheCommands() {
        var result = run("chaos");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("commands: region, health, link, delay");
    }

    @Test
    void aRunThatIsNotThereIsNamedWithTheFolderLookedIn() {
        var result = run(
                "chaos",
                "link",
                "eu-west-2",
                "us-west-2",
                "cut",
                "--data",
                data.resolve("elsewhere").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no running regions found in", "elsewhere");
    }

    /** Runs the command with {@code --data} naming this test's run, unless it names another or takes none. */
    private Result run(String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of(args));
        if (args.length > 1 && !all.contains("--data")) {
            all.addAll(java.util.List.of("--data", data.toString()));
        }
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, err.toString());
    }

    private record Result(int exitCode, String err) {}
}

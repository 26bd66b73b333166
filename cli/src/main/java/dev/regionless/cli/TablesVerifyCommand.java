package dev.regionless.cli;

import dev.regionless.replication.TableVerification;
import dev.regionless.replication.TableVerifier;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "verify",
        description = "Compare every replica of a global table by hash ranges and list the items that differ;"
                + " exits with 1 when they differ.")
final class TablesVerifyCommand implements Callable<Integer> {
    /** The exit code when the replicas differ (2 is for errors). */
    static final int DIFFERENT = 1;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table's name.")
    String table;

    @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
    Path data = Path.of(".regionless");

    @Override
    public Integer call() {
        var admin = new AdminClient(data);
        var serviceUris = new LinkedHashMap<String, URI>();
        for (var region : admin.regionNames()) {
            serviceUris.put(
                    region, URI.create(admin.endpoints(region).path("service").asText()));
        }
        var result = TableVerifier.verify(table, serviceUris);
        print(result, System.out);
        return result.identical() ? 0 : DIFFERENT;
    }

    static void print(TableVerification result, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%s: %d items in %s, compared in %d requests%n",
                result.table(),
                result.items(),
                String.join(", ", result.replicas()),
                result.requests());
        if (result.identical()) {
            out.println("identical: every replica holds the same items with the same versions");
            return;
        }
        out.printf(
                Locale.ROOT,
                "%d items differ (version: timestamp origin):%n",
                result.differences().size());
        for (var difference : result.differences()) {
            out.println("  " + difference.key());
            difference.versions().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(entry -> out.printf(Locale.ROOT, "    %-12s %s%n", entry.getKey(), entry.getValue()));
        }
    }
}

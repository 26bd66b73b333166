package dev.regionless.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "usage",
        description = "Print metered function use per region, with a cost estimate at Lambda's prices.")
final class UsageCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
    Path data = Path.of(".regionless");

    @Option(
            names = "--price-per-million-requests",
            description = "USD per 1M requests (default: ${DEFAULT-VALUE}, AWS's x86 price).")
    double requestPrice = 0.20;

    @Option(
            names = "--price-per-gb-second",
            description = "USD per GB-second (default: ${DEFAULT-VALUE}, AWS's x86 first-tier price).")
    double gbSecondPrice = 0.0000166667;

    @Override
    public Integer call() {
        var admin = new AdminClient(data);
        System.out.printf(
                Locale.ROOT,
                "%-12s %-24s %11s %7s %9s %6s %12s %12s %12s%n",
                "REGION",
                "FUNCTION",
                "INVOCATIONS",
                "ERRORS",
                "THROTTLES",
                "COLD",
                "BILLED MS",
                "GB-S",
                "COST USD");
        double total = 0;
        for (var region : admin.regionNames()) {
            for (var usage : admin.get(region, "/admin/usage").path("functions")) {
                long invocations = usage.path("invocations").asLong();
                double gbSeconds = usage.path("gbSeconds").asDouble();
                double cost = invocations * requestPrice / 1_000_000 + gbSeconds * gbSecondPrice;
                total += cost;
                System.out.printf(
                        Locale.ROOT,
                        "%-12s %-24s %11d %7d %9d %6d %12d %12.6f %12.8f%n",
                        region,
                        usage.path("functionName").asText(),
                        invocations,
                        usage.path("errors").asLong(),
                        usage.path("throttles").asLong(),
                        usage.path("coldStarts").asLong(),
                        usage.path("billedMillis").asLong(),
                        gbSeconds,
                        cost);
            }
        }
        System.out.printf(Locale.ROOT, "Estimated total: %.8f USD%n", total);
        return 0;
    }
}

package dev.regionless.cli;

import dev.regionless.region.RegionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that start regions. */
final class RunOptions {
    @Option(names = "--data", description = "Data folder (default: .regionless in the working directory).")
    Path data = Path.of(".regionless");

    @Option(names = "--no-delay", description = "Turn off simulated inter-region delays (for tests and benchmarks).")
    boolean noDelay;

    @Mixin
    ParameterOverrides parameterOverrides = new ParameterOverrides();

    @Option(
            names = "--host",
            description = "Address every region listens on. Default: in a run of several regions each listens on its"
                    + " own loopback address, 127.0.0.2, 127.0.0.3, ... in the order given; one region listens on"
                    + " 127.0.0.1.")
    String host;

    @Option(
            names = "--keep-alive",
            description = "How long an idle execution environment stays warm, as an ISO-8601 duration or 90s, 10m"
                    + " (default: 10m, as Lambda).")
    String keepAlive = "10m";

    @Option(
            names = "--concurrency-limit",
            description = "Concurrent executions per region (default: ${DEFAULT-VALUE}, Lambda's default).")
    int concurrencyLimit = 1000;

    /**
     * Applies the options to one region of the run: its address (see {@link #hostFor}), keep-alive and concurrency.
     *
     * @param names the run's regions, in the order given
     */
    RegionConfig applyTo(RegionConfig config, List<String> names) {
        if (concurrencyLimit < 1) {
            throw new CliException("--concurrency-limit: " + concurrencyLimit + " (expected: 1 or more)");
        }
        return config.withHost(hostFor(config.name(), names))
                .withKeepAlive(keepAliveDuration())
                .withConcurrencyLimit(concurrencyLimit);
    }

    /**
     * {@code --host} if given. Otherwise, when several regions run, each gets its own loopback address in the
     * order given (eu-west-2, us-west-2, us-east-1 listen on 127.0.0.2, .3, .4), so that an address names a region:
     * the router's DNS answers and a client's connection tell which region serves it. A single region stays on
     * 127.0.0.1, as does every region where the system only answers on 127.0.0.1 (macOS without aliases).
     */
    String hostFor(String region, List<String> names) {
        if (host != null) {
            return host;
        }
        if (names.size() < 2 || !LoopbackAddresses.usable(names.size())) {
            return "127.0.0.1";
        }
        return RegionConfig.loopbackAddress(names.indexOf(region));
    }

    Duration keepAliveDuration() {
        var text = keepAlive.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return positive(Duration.parse(text.toUpperCase(java.util.Locale.ROOT)));
            }
            var number = Long.parseLong(text.substring(0, text.length() - 1));
            return positive(
                    switch (text.charAt(text.length() - 1)) {
                        case 's' -> Duration.ofSeconds(number);
                        case 'm' -> Duration.ofMinutes(number);
                        case 'h' -> Duration.ofHours(number);
                        default -> throw new NumberFormatException(text);
                    });
        } catch (RuntimeException e) {
            throw new CliException("--keep-alive: " + keepAlive + " (expected: a duration such as 90s, 10m or PT10M)");
        }
    }

    private static Duration positive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("not positive");
        }
        return duration;
    }

    Map<String, String> parameters() {
        return parameterOverrides.values();
    }
}

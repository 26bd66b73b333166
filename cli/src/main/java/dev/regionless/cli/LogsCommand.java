package dev.regionless.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", description = "Print a function's log in one region; --follow keeps printing new lines.")
final class LogsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function name.")
    String function;

    @Option(names = "--region", required = true, description = "The region whose log to read.")
    String region;

    @Option(names = "--follow", description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = "--data", description = "Data folder of the run (default: .regionless).")
    Path data = Path.of(".regionless");

    @Override
    public Integer call() throws InterruptedException {
        var admin = new AdminClient(data);
        var path = "/admin/functions/" + URLEncoder.encode(function, StandardCharsets.UTF_8) + "/logs";
        long after = 0;
        do {
            var lines = admin.get(region, path + "?after=" + after).path("lines");
            for (var line : lines) {
                System.out.println(line.path("timestamp").asText() + " "
                        + line.path("message").asText());
                after = Math.max(after, line.path("sequence").asLong());
            }
            System.out.flush();
            if (follow && lines.isEmpty()) {
                Thread.sleep(500);
            }
        } while (follow);
        return 0;
    }
}

package dev.regionless.cli;

import dev.regionless.region.RegionConfig;
import dev.regionless.region.RegionSet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/** Starts regions, deploys a template, prints where everything is, and keeps running until interrupted. */
final class RunningRegions {
    private RunningRegions() {}

    static int run(
            List<String> names,
            Path template,
            RunOptions options,
            UnaryOperator<RegionConfig> customize,
            PrintStream out)
            throws InterruptedException {
        return run(names, template, options, customize, out, set -> {}, (set, stream) -> {});
    }

    /**
     * As above; {@code check} runs once the regions are up and before the template is deployed (say, reading the
     * edges' routing, so that bad routing stops the run before anything serves), and {@code extra} (say, starting
     * edges and printing the URLs to open) after the summary.
     */
    static int run(
            List<String> names,
            Path template,
            RunOptions options,
            UnaryOperator<RegionConfig> customize,
            PrintStream out,
            java.util.function.Consumer<RegionSet> check,
            java.util.function.BiConsumer<RegionSet, PrintStream> extra)
            throws InterruptedException {
        var set =
                RegionSet.start(options.data.toAbsolutePath(), names, c -> customize.apply(options.applyTo(c, names)));
        try {
            check.accept(set);
        } catch (RuntimeException e) {
            set.close();
            throw e;
        }
        if (template != null) {
            try {
                var warnings = set.deploy(template.toAbsolutePath(), options.parameters());
                warnings.forEach(w -> out.println("warning: " + w));
            } catch (RuntimeException e) {
                // The regions are up but nothing is deployed: stop them rather than serve an empty app.
                set.close();
                throw e;
            }
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            set.close();
                            stopped.countDown();
                        },
                        "regionless-shutdown"));
        if (names.size() > 1 && options.host == null && !LoopbackAddresses.usable(names.size())) {
            out.println("warning: this system answers only on 127.0.0.1, so every region listens there (on macOS,"
                    + " add addresses with: sudo ifconfig lo0 alias 127.0.0.2 up, and so on)");
        }
        Summary.print(set, out);
        extra.accept(set, out);
        out.println();
        out.println("Endpoints: " + set.endpointsFile());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}

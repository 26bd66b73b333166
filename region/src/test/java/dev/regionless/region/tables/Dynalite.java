package dev.regionless.region.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opentest4j.TestAbortedException;

/**
 * dynalite, an open-source (Apache-2.0) Node.js implementation of the DynamoDB API whose validation messages were
 * taken from real DynamoDB: the reference the conformance suite compares Regionless with. {@code
 * peers/install-dynalite} installs it; {@code ./regionless test} passes its folder as the {@code regionless.dynalite}
 * system property. It runs in memory on a free port of 127.0.0.1, with tables active at once.
 */
final class Dynalite implements DynamoDbTarget {
    // Listens on port 0 and prints the port it got, so there is no race for a free port; exits when the JVM that
    // started it closes its standard input, even if that JVM dies without stopping it.
    private static final String LAUNCHER = """
            const server = require(process.argv[1])({createTableMs: 0, deleteTableMs: 0, updateTableMs: 0});
            server.listen(0, '127.0.0.1', () => console.log('dynalite-port ' + server.address().port));
            process.stdin.on('end', () => process.exit(0));
            process.stdin.resume();
            """;

    private Process process;
    private URI endpoint;

    @Override
    public String name() {
        return "dynalite";
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public boolean supports(Feature feature) {
        return false;
    }

    @Override
    public synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    private URI start() {
        var module = installedModule();
        try {
            process = new ProcessBuilder("node", "-e", LAUNCHER, module.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw unavailable("node could not be started (" + e.getMessage() + ")");
        }
        var port = awaitPort(process);
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Why the runs against dynalite should be skipped, if they should: it is not installed and this is not CI (under
     * CI=true they run, and fail).
     */
    static java.util.Optional<String> skipReason() {
        try {
            installedModule();
            return java.util.Optional.empty();
        } catch (TestAbortedException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private static Path installedModule() {
        var folder = System.getProperty("regionless.dynalite");
        var module = folder == null ? null : Path.of(folder, "node_modules", "dynalite");
        if (module == null || !Files.isRegularFile(module.resolve("package.json"))) {
            throw unavailable("dynalite is not installed at " + module + " (system property regionless.dynalite)");
        }
        return module.toAbsolutePath();
    }

    private static int awaitPort(Process process) {
        var output = new ArrayList<String>();
        var port = CompletableFuture.supplyAsync(() -> readPort(process, output));
        try {
            return port.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start; it printed: " + output, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        }
    }

    private static int readPort(Process process, List<String> output) {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.startsWith("dynalite-port ")) {
                    var port = Integer.parseInt(
                            line.substring("dynalite-port ".length()).trim());
                    // Keep draining its output so it never blocks on a full pipe.
                    Thread.ofVirtual().start(() -> reader.lines().forEach(l -> {}));
                    return port;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("dynalite exited with " + process.exitValue());
    }

    /** Outside CI a missing reference skips the runs that need it; under CI=true it fails them. */
    private static RuntimeException unavailable(String why) {
        var message = why + "; run peers/install-dynalite (./regionless test does) to run the conformance suite"
                + " against the reference";
        if ("true".equals(System.getenv("CI"))) {
            return new IllegalStateException(message);
        }
        return new TestAbortedException(message);
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
            endpoint = null;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}

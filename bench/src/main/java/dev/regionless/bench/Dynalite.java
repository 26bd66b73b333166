package dev.regionless.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * dynalite, an open-source (Apache-2.0) Node.js implementation of the DynamoDB API, as the tables benchmark's peer:
 * installed on first use by {@code peers/install-dynalite} (the same peer the tables conformance suite runs against),
 * then run in memory on a free port of 127.0.0.1 with tables active at once.
 */
final class Dynalite implements AutoCloseable {
    static final String NAME = "dynalite 4.0.0";

    // Listens on port 0 and prints the port it got, so there is no race for a free port; exits when this JVM closes
    // its standard input, even if this JVM dies without stopping it.
    private static final String LAUNCHER = """
            const server = require(process.argv[1])({createTableMs: 0, deleteTableMs: 0, updateTableMs: 0});
            server.listen(0, '127.0.0.1', () => console.log('dynalite-port ' + server.address().port));
            process.stdin.on('end', () => process.exit(0));
            process.stdin.resume();
            """;
    private static final String PORT_LINE = "dynalite-port ";

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static Dynalite start(Path home) throws IOException, InterruptedException {
        var module = install(home).resolve("node_modules/dynalite");
        var process = new ProcessBuilder("node", "-e", LAUNCHER, module.toString())
                .redirectErrorStream(true)
                .start();
        var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (var line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(PORT_LINE)) {
                Thread.ofVirtual().start(() -> discard(process.getInputStream()));
                var port = Integer.parseInt(line.substring(PORT_LINE.length()).trim());
                return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
            }
            System.err.println("dynalite: " + line);
        }
        throw new IllegalStateException("dynalite exited before listening (exit code " + process.waitFor() + ")");
    }

    URI endpoint() {
        return endpoint;
    }

    /** CPU time the dynalite process has used so far, all its threads included. */
    long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the installer, which is idempotent and prints the folder holding {@code node_modules/dynalite}. */
    private static Path install(Path home) throws IOException, InterruptedException {
        var script = home.resolve("peers/install-dynalite");
        var installer = new ProcessBuilder(script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var folder = new String(installer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (installer.waitFor() != 0) {
            throw new IllegalStateException(script + " failed (exit code " + installer.exitValue() + ")");
        }
        return Path.of(folder);
    }

    private static void discard(InputStream output) {
        try {
            output.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // dynalite has exited; nothing left to read.
        }
    }
}

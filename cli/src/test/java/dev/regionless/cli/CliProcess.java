package dev.regionless.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code regionless} as its own process, with this module's classpath, as the launcher would. */
final class CliProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private CliProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static CliProcess start(Path workDir, String... args) throws IOException {
        var output = Files.createTempFile(workDir, "cli", ".out");
        var command = new ArrayList<String>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dregionless.home=" + System.getProperty("regionless.home", ".."),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new CliProcess(process, output);
    }

    /** Runs a command to its end and answers its exit code and output. */
    static Result run(Path workDir, String... args) throws Exception {
        try (var cli = start(workDir, args)) {
            if (!cli.process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("regionless " + String.join(" ", args) + " did not finish: " + cli.output());
            }
            return new Result(cli.process.exitValue(), cli.output());
        }
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    /** Kills the process with SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    record Result(int exitCode, String output) {}
}

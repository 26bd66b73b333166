package dev.regionless.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code regionless} command line. */
@Command(
        name = "regionless",
        mixinStandardHelpOptions = true,
        version = "regionless 0.1.0",
        description = "Runs AWS-style serverless apps across several self-hosted regions.",
        subcommands = {
            DemoCommand.class,
            UpCommand.class,
            DeployCommand.class,
            LintCommand.class,
            RegionCommand.class,
            StatusCommand.class,
            TablesCommand.class,
            LogsCommand.class,
            UsageCommand.class,
            ChaosCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and answers its exit code; user errors print a message, never a stack trace. */
    public static int run(String... args) {
        return run(new CommandLine(new Main()), args);
    }

    /** As {@link #run(String...)}, with errors and usage written to {@code err} (tests read them there). */
    static int run(java.io.PrintWriter err, String... args) {
        var commandLine = new CommandLine(new Main());
        commandLine.setErr(err);
        return run(commandLine, args);
    }

    /** Runs the command line with its output and errors going to {@code out} and {@code err}, as tests read them. */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        var commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return run(commandLine, args);
    }

    private static int run(CommandLine commandLine, String... args) {
        commandLine.setExecutionExceptionHandler((error, cli, parsed) -> {
            cli.getErr().println("regionless: " + UserErrors.describe(error));
            return 2;
        });
        return commandLine.execute(args);
    }
}

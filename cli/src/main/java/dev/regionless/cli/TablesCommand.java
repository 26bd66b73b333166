package dev.regionless.cli;

import picocli.CommandLine.Command;

@Command(
        name = "tables",
        description = "Inspect the tables of running regions.",
        subcommands = {TablesVerifyCommand.class})
final class TablesCommand {}

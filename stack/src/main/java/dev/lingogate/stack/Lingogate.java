package dev.lingogate.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lingogate} command line. */
@Command(name = "lingogate", mixinStandardHelpOptions = true, version = "Lingogate 0.1.0",
        description = "A self-hostable translation web service: API gateway, Lambda-style functions, "
                + "DynamoDB-style tables and Apertium, all on this machine.",
        subcommands = {UpCommand.class, LogsCommand.class, ApiKeysCommand.class})
public final class Lingogate {

    public static void main(String[] args) {
        int exit = new CommandLine(new Lingogate()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}

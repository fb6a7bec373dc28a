package io.drover.server;

import io.drover.client.sim.NodeSimCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code drover} command line. */
@Command(name = "drover", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A job scheduler server that speaks Nomad's HTTP API.",
        subcommands = {AgentCommand.class, NodeSimCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        NettyAllocatorDefaults.apply();
        if (args.length > 0 && "agent".equals(args[0])) {
            Preload.start();
        }
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

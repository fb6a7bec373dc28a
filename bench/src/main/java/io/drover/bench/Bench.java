package io.drover.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code drover-bench}: load tools that measure a running Drover through its HTTP API, and its scheduler in process. */
@Command(name = "drover-bench", mixinStandardHelpOptions = true,
        subcommands = {RegisterLoad.class, ReadLoad.class, BlockingFanOut.class, Fill.class, Startup.class,
                Failover.class, Placements.class, SchedulerPlacements.class, TaskStart.class, AllocUpdates.class,
                MillionPlacements.class})
public final class Bench implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

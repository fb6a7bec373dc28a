package io.drover.bench;

import io.drover.testkit.await.AgentReady;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.NomadClient;
import io.drover.testkit.process.AgentLauncher;
import io.drover.testkit.process.ServerGroup;
import io.drover.testkit.process.ServerPorts;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time from starting a dev agent (as a user does, through {@code bin/drover}) to its leader
 * answering {@code /v1/status/leader}.
 */
@Command(name = "startup", description = "Dev agent start to leader answering, over several runs.")
final class Startup implements Runnable {
    private static final Duration LEADER_LIMIT = Duration.ofSeconds(60);

    @Option(names = "--drover", defaultValue = "bin/drover", description = "the launcher (default bin/drover)")
    String drover;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Override
    public void run() {
        measure();
    }

    private void measure() {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try (ServerGroup group = ServerGroup.inTempDir("drover-bench-")) {
                ServerProcess dev = group.add(ServerProcess.dev(AgentLauncher.script(drover), "dev", ServerPorts.free(),
                        group.home()));
                NomadClient api = dev.api();
                long started = System.nanoTime();
                dev.start();
                Await.until("a leader (log in " + group.home() + ")", LEADER_LIMIT, Duration.ofMillis(5),
                        () -> !AgentReady.leaderOf(api).isEmpty());
                long ms = (System.nanoTime() - started) / 1_000_000;
                millis.add(ms);
                dev.stop();
                System.out.printf("startup run %d: leader answered %d ms after the JVM was started%n", run + 1, ms);
            }
        }
        System.out.printf("startup: min %d ms, median %d ms, max %d ms over %d runs%n",
                millis.stream().min(Long::compare).orElse(0L), millis.stream().sorted().toList().get(millis.size() / 2),
                millis.stream().max(Long::compare).orElse(0L), runs);
    }
}

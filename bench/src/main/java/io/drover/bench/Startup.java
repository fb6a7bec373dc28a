package io.drover.bench;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Time from starting a dev agent's JVM to its leader answering {@code /v1/status/leader}. */
@Command(name = "startup", description = "Dev agent start to leader answering, over several runs.")
final class Startup implements Runnable {
    @Option(names = "--jar", required = true, description = "the server jar (server/target/drover-server.jar)")
    String jar;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Option(names = "--jvm-opt", description = "JVM options for the agent (repeatable)")
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

    @Override
    public void run() {
        Api api = new Api();
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try (ServerProcesses procs = new ServerProcesses(jar, jvmOptions)) {
                int http = ServerProcesses.freePort();
                long started = System.nanoTime();
                procs.servers.add(procs.start("dev", http, List.of("agent", "-dev", "-http-port", "" + http,
                        "-rpc-port", "" + ServerProcesses.freePort(), "-serf-port", "" + ServerProcesses.freePort())));
                String addr = "127.0.0.1:" + http;
                while (api.leader(addr).isEmpty()) {
                    if (System.nanoTime() - started > 60_000_000_000L) {
                        throw new IllegalStateException("no leader after 60 s; see " + procs.dir);
                    }
                    Thread.onSpinWait();
                }
                long ms = (System.nanoTime() - started) / 1_000_000;
                millis.add(ms);
                System.out.printf("startup run %d: leader answered %d ms after the JVM was started%n", run + 1, ms);
            }
        }
        System.out.printf("startup: min %d ms, median %d ms, max %d ms over %d runs%n",
                millis.stream().min(Long::compare).orElse(0L), millis.stream().sorted().toList().get(millis.size() / 2),
                millis.stream().max(Long::compare).orElse(0L), runs);
    }
}

package io.drover.bench;

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
    @Option(names = "--drover", defaultValue = "bin/drover", description = "the launcher (default bin/drover)")
    String drover;

    @Option(names = "--runs", defaultValue = "5")
    int runs;


    @Override
    public void run() {
        try {
            measure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void measure() throws InterruptedException {
        Api api = new Api();
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try (ServerProcesses procs = new ServerProcesses(List.of(drover))) {
                int http = ServerProcesses.freePort();
                long started = System.nanoTime();
                procs.servers.add(procs.start("dev", http, List.of("agent", "-dev", "-http-port", "" + http,
                        "-rpc-port", "" + ServerProcesses.freePort(), "-serf-port", "" + ServerProcesses.freePort())));
                String addr = "127.0.0.1:" + http;
                while (api.leader(addr).isEmpty()) {
                    if (System.nanoTime() - started > 60_000_000_000L) {
                        throw new IllegalStateException("no leader after 60 s; see " + procs.dir);
                    }
                    Thread.sleep(5);
                }
                long ms = (System.nanoTime() - started) / 1_000_000;
                millis.add(ms);
                procs.stopGracefully();
                System.out.printf("startup run %d: leader answered %d ms after the JVM was started%n", run + 1, ms);
            }
        }
        System.out.printf("startup: min %d ms, median %d ms, max %d ms over %d runs%n",
                millis.stream().min(Long::compare).orElse(0L), millis.stream().sorted().toList().get(millis.size() / 2),
                millis.stream().max(Long::compare).orElse(0L), runs);
    }
}

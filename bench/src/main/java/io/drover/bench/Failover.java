package io.drover.bench;

import io.drover.testkit.await.Await;
import io.drover.testkit.process.AgentLauncher;
import io.drover.testkit.process.Leaders;
import io.drover.testkit.process.ServerGroup;
import io.drover.testkit.process.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts three servers, keeps writing, kills the leader with SIGKILL, and reports the time from
 * the kill to the next acknowledged write; then checks every acknowledged job survived.
 */
@Command(name = "failover", description = "kill -9 of the leader under write load: time to the next acknowledged write.")
final class Failover implements Runnable {
    private static final Duration LEADER_LIMIT = Duration.ofSeconds(60);

    @Option(names = "--jar", required = true)
    String jar;

    @Option(names = "--writers", defaultValue = "8")
    int writers;

    @Option(names = "--rounds", defaultValue = "3")
    int rounds;

    @Option(names = "--jvm-opt", description = "JVM options for the servers (repeatable; default: bin/jvm.options)")
    List<String> jvmOptions = new ArrayList<>();

    @Override
    public void run() {
        AgentLauncher launcher = jvmOptions.isEmpty() ? AgentLauncher.jar(Path.of(jar))
                : AgentLauncher.jar(Path.of(jar), jvmOptions);
        for (int round = 1; round <= rounds; round++) {
            try (ServerGroup group = ServerGroup.inTempDir("drover-bench-")) {
                List<ServerProcess> servers = group.addCluster(launcher, 3, List.of());
                servers.forEach(ServerProcess::start);
                ServerProcess leader = Await.value("a leader (logs in " + group.home() + ")", LEADER_LIMIT,
                        () -> Leaders.agreed(servers));
                Set<String> acked = ConcurrentHashMap.newKeySet();
                AtomicLong killedAt = new AtomicLong();
                AtomicLong firstAckAfterKill = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong seq = new AtomicLong();
                List<Thread> threads = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int offset = w;
                    Thread t = new Thread(() -> write(servers, offset, seq, acked, killedAt, firstAckAfterKill, stop));
                    t.setDaemon(true);
                    t.start();
                    threads.add(t);
                }
                TimeUnit.SECONDS.sleep(3);
                leader.kill();
                // once the process is gone: a write sent before may still have been answered by it
                killedAt.set(System.nanoTime());
                while (firstAckAfterKill.get() == 0 && System.nanoTime() - killedAt.get() < 30_000_000_000L) {
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                TimeUnit.SECONDS.sleep(2);
                stop.set(true);
                for (Thread t : threads) {
                    t.join(40_000);
                }
                long missing = countMissing(servers, leader, acked);
                System.out.printf("failover round %d: a write sent after kill -9 of the leader acknowledged %.0f ms after the kill; "
                        + "%d writes acknowledged, %d missing afterwards%n", round,
                        (firstAckAfterKill.get() - killedAt.get()) / 1e6, acked.size(), missing);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void write(List<ServerProcess> servers, int offset, AtomicLong seq, Set<String> acked,
            AtomicLong killedAt, AtomicLong firstAckAfterKill, AtomicBoolean stop) {
        int target = offset;
        while (!stop.get()) {
            String id = "failover-" + seq.incrementAndGet();
            long firstSent = System.nanoTime();
            for (int attempt = 0; attempt < 50 && !stop.get(); attempt++) {
                ServerProcess s = servers.get(target % servers.size());
                try {
                    if (SleepJob.register(s.api(), id).status() == 200) {
                        acked.add(id);
                        // Only a write first sent after the kill shows the cluster writing again;
                        // one in flight across the kill may have committed before it.
                        long killed = killedAt.get();
                        if (killed != 0 && firstSent > killed) {
                            firstAckAfterKill.compareAndSet(0, System.nanoTime());
                        }
                        break;
                    }
                } catch (RuntimeException e) {
                    // connection refused from the killed server: try the next one
                }
                target++;
            }
        }
    }

    private static long countMissing(List<ServerProcess> servers, ServerProcess killed, Set<String> acked) {
        long missing = 0;
        for (ServerProcess s : servers) {
            if (s == killed) {
                continue;
            }
            for (String id : acked) {
                try {
                    if (s.api().get("/v1/job/" + id + "?stale", Duration.ofSeconds(10)).status() != 200) {
                        missing++;
                    }
                } catch (RuntimeException e) {
                    missing++;
                }
            }
        }
        return missing;
    }
}

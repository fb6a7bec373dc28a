package io.drover.bench;

import java.net.http.HttpResponse;
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
        Api api = new Api();
        for (int round = 1; round <= rounds; round++) {
            try (ServerProcesses procs = new ServerProcesses(jar, jvmOptions)) {
                List<ServerProcesses.Server> servers = procs.startCluster(3);
                ServerProcesses.Server leader = awaitLeader(api, servers);
                Set<String> acked = ConcurrentHashMap.newKeySet();
                AtomicLong killedAt = new AtomicLong();
                AtomicLong firstAckAfterKill = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong seq = new AtomicLong();
                List<Thread> threads = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int offset = w;
                    Thread t = new Thread(() -> write(api, servers, offset, seq, acked, killedAt, firstAckAfterKill, stop));
                    t.setDaemon(true);
                    t.start();
                    threads.add(t);
                }
                TimeUnit.SECONDS.sleep(3);
                leader.process().destroyForcibly();
                killedAt.set(System.nanoTime());
                while (firstAckAfterKill.get() == 0 && System.nanoTime() - killedAt.get() < 30_000_000_000L) {
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                TimeUnit.SECONDS.sleep(2);
                stop.set(true);
                for (Thread t : threads) {
                    t.join(40_000);
                }
                long missing = countMissing(api, servers, leader, acked);
                System.out.printf("failover round %d: a write sent after kill -9 of the leader acknowledged %.0f ms after the kill; "
                        + "%d writes acknowledged, %d missing afterwards%n", round,
                        (firstAckAfterKill.get() - killedAt.get()) / 1e6, acked.size(), missing);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void write(Api api, List<ServerProcesses.Server> servers, int offset, AtomicLong seq,
            Set<String> acked, AtomicLong killedAt, AtomicLong firstAckAfterKill, AtomicBoolean stop) {
        int target = offset;
        while (!stop.get()) {
            String id = "failover-" + seq.incrementAndGet();
            long firstSent = System.nanoTime();
            for (int attempt = 0; attempt < 50 && !stop.get(); attempt++) {
                ServerProcesses.Server s = servers.get(target % servers.size());
                try {
                    HttpResponse<String> r = api.register(s.httpAddress(), id);
                    if (r.statusCode() == 200) {
                        acked.add(id);
                        // Only a write first sent after the kill shows the cluster writing again;
                        // one in flight across the kill may have committed before it.
                        long killed = killedAt.get();
                        if (killed != 0 && firstSent > killed) {
                            firstAckAfterKill.compareAndSet(0, System.nanoTime());
                        }
                        break;
                    }
                } catch (Exception e) {
                    // connection refused from the killed server: try the next one
                }
                target++;
            }
        }
    }

    private static ServerProcesses.Server awaitLeader(Api api, List<ServerProcesses.Server> servers)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (ServerProcesses.Server s : servers) {
                String leader = api.leader(s.httpAddress());
                if (!leader.isEmpty()) {
                    String raftPort = leader.substring(leader.lastIndexOf(':') + 1);
                    for (ServerProcesses.Server c : servers) {
                        if (c.command().indexOf(raftPort) == c.command().indexOf("-rpc-port") + 1
                                && isLeader(api, c)) {
                            return c;
                        }
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException("no leader");
    }

    /** Whether the server itself says it leads (another's view of the leader may be stale). */
    private static boolean isLeader(Api api, ServerProcesses.Server s) {
        try {
            HttpResponse<String> r = api.get(s.httpAddress(), "/v1/agent/self", Duration.ofSeconds(2));
            return r.statusCode() == 200
                    && "Leader".equals(Api.JSON.readTree(r.body()).path("stats").path("raft").path("state").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private static long countMissing(Api api, List<ServerProcesses.Server> servers, ServerProcesses.Server killed,
            Set<String> acked) {
        long missing = 0;
        for (ServerProcesses.Server s : servers) {
            if (s == killed) {
                continue;
            }
            for (String id : acked) {
                try {
                    HttpResponse<String> r = api.get(s.httpAddress(), "/v1/job/" + id + "?stale", Duration.ofSeconds(10));
                    if (r.statusCode() != 200) {
                        missing++;
                    }
                } catch (Exception e) {
                    missing++;
                }
            }
        }
        return missing;
    }
}

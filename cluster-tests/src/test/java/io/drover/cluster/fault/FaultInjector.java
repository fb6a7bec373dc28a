package io.drover.cluster.fault;

import io.drover.cluster.DataDir;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strikes one {@link FaultSchedule.Step} on a {@link FaultCluster} and heals it: every fault ends
 * with all servers running and no link cut, and the injector then waits (bounded) until the
 * servers agree on a leader again. It notes what it could not do and any server that exited on
 * its own, which the suite reports as anomalies.
 */
final class FaultInjector {
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);
    private static final int LARGE_JOB_BYTES = 256 * 1024;
    private static final int MAX_LARGE_JOBS = 120;
    private static final Duration PURGE_BOUND = Duration.ofSeconds(10);

    private final FaultCluster cluster;
    /** Servers this injector stopped itself: any other one found not running exited on its own. */
    private final Set<String> stoppedByUs = ConcurrentHashMap.newKeySet();
    private int largeJobs;
    private int unforcedInstalls;

    FaultInjector(FaultCluster cluster) {
        this.cluster = cluster;
    }

    /** What one fault did. */
    record Injection(FaultSchedule.Step step, long startedAt, long healedAt, long recoveredAt, boolean struckLeader,
            List<String> targets, List<String> anomalies) {
        /** Time from the fault to a leader every server agreed on again, in ms. */
        long recoveryMillis() {
            return (recoveredAt - startedAt) / 1_000_000;
        }
    }

    Injection strike(FaultSchedule.Step step) throws InterruptedException {
        List<String> anomalies = new ArrayList<>();
        ServerProcess leader = awaitLeader(anomalies, "before " + step);
        List<ServerProcess> followers = cluster.servers().stream().filter(s -> s != leader)
                .sorted(Comparator.comparing(ServerProcess::name)).toList();
        ServerProcess target = step.targetLeader() || followers.isEmpty() ? leader
                : followers.get(step.pick() % followers.size());
        List<String> targets = new ArrayList<>();
        long started = System.nanoTime();
        switch (step.kind()) {
            case KILL -> {
                kill(target, targets);
                Thread.sleep(step.holdMillis());
            }
            case PAUSE -> {
                target.pause();
                targets.add(target.name());
                try {
                    Thread.sleep(step.holdMillis());
                } finally {
                    target.resume();
                }
            }
            case TERM -> {
                stoppedByUs.add(target.name());
                target.stop();
                targets.add(target.name());
                Thread.sleep(step.holdMillis());
            }
            case NO_QUORUM -> {
                ServerProcess other = cluster.servers().stream().filter(s -> s != target)
                        .sorted(Comparator.comparing(ServerProcess::name)).toList().get(step.pick() % 2);
                kill(target, targets);
                kill(other, targets);
                Thread.sleep(step.holdMillis());
            }
            case FULL_KILL -> {
                for (ServerProcess s : cluster.servers()) {
                    kill(s, targets);
                }
                Thread.sleep(step.holdMillis());
            }
            case SNAPSHOT_CATCHUP -> snapshotCatchUp(target, leader, targets, anomalies);
            case PARTITION_ONE_WAY -> {
                ServerProcess other = step.targetLeader() ? followers.get(step.pick() % followers.size()) : leader;
                cluster.network().cut(target.name(), other.name());
                targets.add(target.name() + "->" + other.name());
                Thread.sleep(step.holdMillis());
            }
            case ISOLATE -> {
                cluster.network().isolate(target.name());
                targets.add(target.name());
                Thread.sleep(step.holdMillis());
            }
        }
        heal(anomalies);
        long healed = System.nanoTime();
        awaitLeader(anomalies, "after " + step);
        return new Injection(step, started, healed, System.nanoTime(), targets.contains(leader.name())
                || step.kind() == FaultSchedule.Kind.FULL_KILL, List.copyOf(targets), anomalies);
    }

    private void kill(ServerProcess s, List<String> targets) {
        stoppedByUs.add(s.name());
        s.kill();
        targets.add(s.name());
    }

    /**
     * A follower down while the others write enough (large jobs, then purged) that they snapshot
     * and purge their logs past what it has: it can only come back through a snapshot install.
     */
    private void snapshotCatchUp(ServerProcess follower, ServerProcess leader, List<String> targets,
            List<String> anomalies) {
        long had = staleIndex(follower);
        kill(follower, targets);
        List<ServerProcess> up = cluster.servers().stream().filter(s -> s != follower).toList();
        List<String> written = new ArrayList<>();
        while (!purgedPast(up, had) && written.size() < MAX_LARGE_JOBS) {
            String id = "large-" + largeJobs++;
            try {
                Answer a = leader.api().register(FaultJobs.large(id, LARGE_JOB_BYTES));
                if (a.status() == 200) {
                    written.add(id);
                }
            } catch (RuntimeException noAnswer) {
                // keep writing: the point is only to fill the log
            }
        }
        long end = System.nanoTime() + PURGE_BOUND.toNanos();
        while (!purgedPast(up, had) && System.nanoTime() < end) {
            sleepQuietly(200);
        }
        if (!purgedPast(up, had)) {
            // Not a server's fault: it snapshots and purges on its own schedule. The follower
            // catches up from the log this time, which the checks cover as well.
            unforcedInstalls++;
        }
        for (String id : written) {
            try {
                leader.api().delete("/v1/job/" + id + "?purge=true", Duration.ofSeconds(10));
            } catch (RuntimeException noAnswer) {
                // a leftover large job changes nothing the checks look at
            }
        }
    }

    /** Snapshot faults after which the others had not purged their logs past the follower in time. */
    int unforcedInstalls() {
        return unforcedInstalls;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean purgedPast(List<ServerProcess> servers, long index) {
        for (ServerProcess s : servers) {
            OptionalLong first = DataDir.firstLogIndex(s);
            if (first.isEmpty() || first.getAsLong() <= index + 1) {
                return false;
            }
        }
        return true;
    }

    private static long staleIndex(ServerProcess s) {
        try {
            Answer a = s.api().get("/v1/jobs?stale&prefix=none", Duration.ofSeconds(5));
            return a.status() == 200 ? a.index() : 0;
        } catch (RuntimeException noAnswer) {
            return 0;
        }
    }

    /** Heals every fault: links back, paused servers running, stopped servers started. */
    private void heal(List<String> anomalies) {
        cluster.network().healAll();
        for (ServerProcess s : cluster.servers()) {
            if (!s.isRunning()) {
                if (!stoppedByUs.remove(s.name())) {
                    anomalies.add(s.name() + " exited on its own (" + s.state() + "); its log ends:\n" + s.logTail(30));
                }
                cluster.start(s);
            }
        }
        stoppedByUs.clear();
    }

    private ServerProcess awaitLeader(List<String> anomalies, String when) throws InterruptedException {
        long end = System.nanoTime() + RECOVERY_BOUND.toNanos();
        while (System.nanoTime() < end) {
            Optional<ServerProcess> leader = cluster.agreedLeader();
            if (leader.isPresent() && cluster.servers().stream().allMatch(ServerProcess::isRunning)) {
                return leader.get();
            }
            Thread.sleep(100);
        }
        anomalies.add("no leader every server agreed on within " + RECOVERY_BOUND + " " + when + "; roles: "
                + cluster.servers().stream().map(s -> s.name() + "=" + FaultCluster.raftState(s)).toList());
        heal(anomalies);
        return cluster.agreedLeader().orElse(cluster.servers().get(0));
    }
}

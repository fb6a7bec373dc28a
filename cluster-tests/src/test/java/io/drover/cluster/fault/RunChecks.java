package io.drover.cluster.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks on a healed cluster and the history its clients recorded: nothing acknowledged was
 * lost, on any server; every registered job was evaluated once (one allocation, finished); the
 * check-and-set history is linearizable; every server converged to the same state and runs Raft.
 * Each failed check is an anomaly, described so that it can be looked into.
 */
final class RunChecks {
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(180);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FaultCluster cluster;
    private final ClientHistory history;
    final List<String> anomalies = new ArrayList<>();
    long lostWrites;
    CheckResult linearizability;

    /** Which allocations the simulated nodes still run, to tell a server's lost update from a node's. */
    private final java.util.function.Supplier<Set<String>> runningOnNodes;

    RunChecks(FaultCluster cluster, ClientHistory history, java.util.function.Supplier<Set<String>> runningOnNodes) {
        this.cluster = cluster;
        this.history = history;
        this.runningOnNodes = runningOnNodes;
    }

    void run() throws InterruptedException {
        Map<String, String> digests = awaitSettledAndConverged();
        if (new HashSet<>(digests.values()).size() != 1) {
            anomalies.add("the servers did not converge to the same state: " + digests);
        }
        for (ServerProcess s : cluster.servers()) {
            String role = FaultCluster.raftState(s);
            if (!s.isRunning() || !(role.equals("Leader") || role.equals("Follower"))) {
                anomalies.add(s.name() + " does not run Raft at the end: " + s.state() + ", role '" + role + "'");
            }
        }
        for (ServerProcess s : cluster.servers()) {
            checkWrites(s);
        }
        checkEvaluationsAndAllocations(cluster.servers().get(0));
        linearizability = new LinearizabilityChecker().check(new JobRegisterModel(), history.cas.history());
        if (!linearizability.isLinearizable()) {
            anomalies.add("the check-and-set and ?consistent history is " + linearizability.verdict() + ":\n"
                    + linearizability.explanation());
        }
        history.regressions.forEach(r -> anomalies.add("X-Nomad-Index went back on " + r.server() + " (" + r.mode()
                + "): " + r.before() + " then " + r.after()));
        history.unexpected.forEach(u -> anomalies.add(u.server() + " answered " + u.request() + " with " + u.status()
                + ": " + u.body()));
    }

    /**
     * Waits until scheduling is done (no evaluation pending or blocked, every allocation of the
     * writers' jobs finished) and every server answers the same jobs, evaluations and
     * allocations; returns each server's digest of them.
     */
    private Map<String, String> awaitSettledAndConverged() throws InterruptedException {
        long end = System.nanoTime() + SETTLE_BOUND.toNanos();
        Map<String, String> digests = Map.of();
        while (System.nanoTime() < end) {
            digests = digests();
            if (settled(cluster.servers().get(0)) && digests.size() == cluster.servers().size()
                    && new HashSet<>(digests.values()).size() == 1) {
                return digests;
            }
            Thread.sleep(1_000);
        }
        return digests;
    }

    private static boolean settled(ServerProcess s) {
        try {
            for (JsonNode e : s.api().get("/v1/evaluations?stale", TIMEOUT).json()) {
                String status = e.path("Status").asText();
                if (status.equals("pending") || status.equals("blocked")) {
                    return false;
                }
            }
            for (JsonNode a : s.api().get("/v1/allocations?stale", TIMEOUT).json()) {
                if (a.path("JobID").asText().startsWith(Workload.WRITE_PREFIX)
                        && !a.path("ClientStatus").asText().equals("complete")) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException noAnswer) {
            return false;
        }
    }

    private Map<String, String> digests() {
        Map<String, String> out = new HashMap<>();
        for (ServerProcess s : cluster.servers()) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (String path : List.of("/v1/jobs?stale", "/v1/evaluations?stale", "/v1/allocations?stale")) {
                    Answer a = s.api().get(path, TIMEOUT);
                    if (a.status() != 200) {
                        throw new IllegalStateException(path + " answered " + a.status());
                    }
                    sha.update(a.body().getBytes(StandardCharsets.UTF_8));
                }
                out.put(s.name(), HexFormat.of().formatHex(sha.digest()).substring(0, 16));
            } catch (RuntimeException | NoSuchAlgorithmException noAnswer) {
                // not converged yet
            }
        }
        return out;
    }

    /** Every acknowledged write is on {@code s} as acknowledged; no refused one is. */
    private void checkWrites(ServerProcess s) {
        Map<String, Long> jobs = new HashMap<>();
        for (JsonNode j : s.api().get("/v1/jobs?stale&prefix=" + Workload.WRITE_PREFIX, TIMEOUT).json()) {
            jobs.put(j.get("ID").asText(), j.get("JobModifyIndex").asLong());
        }
        long lost = 0;
        for (ClientHistory.Write w : history.writesSnapshot()) {
            Long index = jobs.get(w.jobId());
            if (w.outcome() == ClientHistory.Outcome.ACKNOWLEDGED && (index == null || index != w.index())) {
                lost++;
                if (lost <= 10) {
                    anomalies.add(s.name() + " lost acknowledged write " + w + ": it holds "
                            + (index == null ? "no such job" : "JobModifyIndex " + index));
                }
            } else if (w.outcome() == ClientHistory.Outcome.REFUSED && index != null) {
                anomalies.add(s.name() + " holds job " + w.jobId() + " whose registration was refused: " + w);
            }
        }
        lostWrites = Math.max(lostWrites, lost);
    }

    /**
     * Every writer's job that exists was evaluated, and placed once: exactly one allocation,
     * {@code <job>.g[0]}, finished (an evaluation processed twice would place a second one).
     */
    private void checkEvaluationsAndAllocations(ServerProcess s) {
        Map<String, List<JsonNode>> allocsByJob = new HashMap<>();
        for (JsonNode a : s.api().get("/v1/allocations?stale", TIMEOUT).json()) {
            allocsByJob.computeIfAbsent(a.path("JobID").asText(), k -> new ArrayList<>()).add(a);
        }
        Set<String> evaluated = new HashSet<>();
        for (JsonNode e : s.api().get("/v1/evaluations?stale", TIMEOUT).json()) {
            if (e.path("Status").asText().equals("complete")) {
                evaluated.add(e.path("JobID").asText());
            }
        }
        Set<String> stillRunning = runningOnNodes.get();
        int reported = 0;
        for (JsonNode j : s.api().get("/v1/jobs?stale&prefix=" + Workload.WRITE_PREFIX, TIMEOUT).json()) {
            String id = j.get("ID").asText();
            List<JsonNode> allocs = allocsByJob.getOrDefault(id, List.of());
            String problem = null;
            if (!evaluated.contains(id)) {
                problem = "has no complete evaluation";
            } else if (allocs.size() != 1) {
                problem = "has " + allocs.size() + " allocations, not 1: "
                        + allocs.stream().map(a -> a.path("Name").asText() + "/" + a.path("EvalID").asText()).toList();
            } else if (!allocs.get(0).path("ClientStatus").asText().equals("complete")) {
                JsonNode a = allocs.get(0);
                String allocId = a.path("ID").asText();
                problem = "has its allocation " + allocId + " " + a.path("ClientStatus").asText() + " (ModifyIndex "
                        + a.path("ModifyIndex").asLong() + "), not complete; its simulated node "
                        + (stillRunning.contains(allocId) ? "still runs it" : "does not run it");
            }
            if (problem != null && reported++ < 10) {
                anomalies.add("job " + id + " " + problem);
            }
        }
        if (reported > 10) {
            anomalies.add("... and " + (reported - 10) + " more jobs like those");
        }
    }
}

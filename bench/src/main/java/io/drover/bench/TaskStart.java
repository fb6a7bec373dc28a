package io.drover.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.fixtures.JobBody;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import io.drover.testkit.process.AgentLauncher;
import io.drover.testkit.process.ServerGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time from a job's register to its task running on a real node: a dev agent started as a user
 * starts it ({@code bin/drover agent -dev}), whose own node agent runs raw_exec tasks as child
 * processes. Each round registers a service job of one {@code /bin/sh -c 'sleep 30'} task and
 * times, from the register's acknowledgement, until {@code GET /v1/job/:id/allocations}
 * (blocking queries) shows an allocation whose ClientStatus is running: the scheduler, the plan
 * through Raft, the node's allocation watch, the process start and the node's status update
 * back through Raft. The job is stopped between rounds and its task let to end, so every round
 * starts on an idle node.
 */
@Command(name = "task-start",
        description = "Register to task running on the dev agent's own node (raw_exec), over several rounds.")
final class TaskStart implements Runnable {
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(1);

    @Option(names = "--drover", defaultValue = "bin/drover", description = "the launcher (default ${DEFAULT-VALUE})")
    String drover;

    @Option(names = "--warmup", defaultValue = "2", description = "rounds run first and not counted")
    int warmup;

    @Option(names = "--rounds", defaultValue = "10")
    int rounds;

    @Override
    public void run() {
        measure();
    }

    private void measure() {
        try (ServerGroup group = ServerGroup.inTempDir("drover-bench-")) {
            DevAgent dev = DevAgent.start(group, AgentLauncher.script(drover));
            NomadClient api = dev.api();
            dev.awaitReadyNode();
            List<Double> millis = new ArrayList<>();
            for (int round = 1 - warmup; round <= rounds; round++) {
                String id = "task-start-" + (round + warmup);
                double ms = round(api, id) / 1e6;
                System.out.printf("%s %d: task running %.0f ms after the register was acknowledged%n",
                        round < 1 ? "warm-up" : "round", round < 1 ? round + warmup : round, ms);
                if (round >= 1) {
                    millis.add(ms);
                }
                JobStop.awaitIdle(api, id, "g", ROUND_LIMIT);
            }
            List<Double> sorted = millis.stream().sorted().toList();
            System.out.printf("task-start: median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms over %d rounds%n",
                    Stats.median(millis), sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.9) - 1)),
                    sorted.get(0), sorted.get(sorted.size() - 1), rounds);
            dev.server().stop();
        }
    }

    /** @return nanoseconds from the register's acknowledgement to the allocation reported running */
    private long round(NomadClient api, String id) {
        Answer r = api.register(body(id));
        long acked = System.nanoTime();
        if (r.status() != 200) {
            throw new IllegalStateException("register of " + id + " answered " + r.status() + ": " + r.body());
        }
        long index = r.json().path("JobModifyIndex").asLong();
        JsonNode allocs = null;
        while (System.nanoTime() - acked < ROUND_LIMIT.toNanos()) {
            Answer s = api.get("/v1/job/" + id + "/allocations?index=" + index + "&wait=30s");
            long now = System.nanoTime();
            if (s.status() != 200) {
                throw new IllegalStateException("allocations of " + id + " answered " + s.status() + ": " + s.body());
            }
            index = s.index();
            allocs = s.json();
            for (JsonNode a : allocs) {
                if ("running".equals(a.path("ClientStatus").asText())) {
                    return now - acked;
                }
                if ("failed".equals(a.path("ClientStatus").asText())) {
                    throw new IllegalStateException("allocation of " + id + " failed: " + a);
                }
            }
        }
        throw new IllegalStateException(id + " not running after " + ROUND_LIMIT.toSeconds() + " s: " + allocs);
    }


    /** A service job of one raw_exec task that outlives the round (it is stopped after). */
    static String body(String id) {
        return JobBody.service(id).rawExec("/bin/sh", "-c", "sleep 30").register();
    }
}

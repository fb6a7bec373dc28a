package io.drover.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
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

    private final Api api = new Api();

    @Override
    public void run() {
        Measurement.run(this::measure);
    }

    private void measure() throws IOException, InterruptedException {
        try (ServerProcesses procs = new ServerProcesses(List.of(drover))) {
            DevAgent dev = DevAgent.start(procs);
            String addr = dev.httpAddress();
            dev.awaitReadyNode(api);
            List<Double> millis = new ArrayList<>();
            for (int round = 1 - warmup; round <= rounds; round++) {
                String id = "task-start-" + (round + warmup);
                double ms = round(addr, id) / 1e6;
                System.out.printf("%s %d: task running %.0f ms after the register was acknowledged%n",
                        round < 1 ? "warm-up" : "round", round < 1 ? round + warmup : round, ms);
                if (round >= 1) {
                    millis.add(ms);
                }
                stop(addr, id);
            }
            List<Double> sorted = millis.stream().sorted().toList();
            System.out.printf("task-start: median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms over %d rounds%n",
                    Stats.median(millis), sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.9) - 1)),
                    sorted.get(0), sorted.get(sorted.size() - 1), rounds);
            procs.stopGracefully();
        }
    }

    /** @return nanoseconds from the register's acknowledgement to the allocation reported running */
    private long round(String addr, String id) throws IOException, InterruptedException {
        HttpResponse<String> r = api.post(addr, "/v1/jobs", body(id));
        long acked = System.nanoTime();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("register of " + id + " answered " + r.statusCode() + ": " + r.body());
        }
        long index = Api.JSON.readTree(r.body()).path("JobModifyIndex").asLong();
        JsonNode allocs = null;
        while (System.nanoTime() - acked < ROUND_LIMIT.toNanos()) {
            HttpResponse<String> s = api.get(addr, "/v1/job/" + id + "/allocations?index=" + index + "&wait=30s",
                    Duration.ofSeconds(40));
            long now = System.nanoTime();
            if (s.statusCode() != 200) {
                throw new IllegalStateException("allocations of " + id + " answered " + s.statusCode() + ": " + s.body());
            }
            index = Long.parseLong(s.headers().firstValue("X-Nomad-Index").orElse("" + index));
            allocs = Api.JSON.readTree(s.body());
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

    /** Stops the job and waits until the node reported its task ended, so the next round starts idle. */
    private void stop(String addr, String id) throws IOException, InterruptedException {
        HttpResponse<String> r = api.delete(addr, "/v1/job/" + id);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("stop of " + id + " answered " + r.statusCode() + ": " + r.body());
        }
        long started = System.nanoTime();
        long index = Api.JSON.readTree(r.body()).path("Index").asLong();
        JsonNode group = null;
        while (System.nanoTime() - started < ROUND_LIMIT.toNanos()) {
            HttpResponse<String> s = api.get(addr, "/v1/job/" + id + "/summary?index=" + index + "&wait=30s",
                    Duration.ofSeconds(40));
            index = Long.parseLong(s.headers().firstValue("X-Nomad-Index").orElse("" + index));
            group = Api.JSON.readTree(s.body()).path("Summary").path("g");
            if (group.path("Starting").asInt() + group.path("Running").asInt() == 0) {
                return;
            }
        }
        throw new IllegalStateException("task of " + id + " still running after " + ROUND_LIMIT.toSeconds()
                + " s; summary " + group);
    }

    /** A service job of one raw_exec task that outlives the round (it is stopped after). */
    static String body(String id) {
        return "{\"Job\":{\"ID\":\"" + id + "\",\"Name\":\"" + id + "\",\"Type\":\"service\",\"Datacenters\":[\"dc1\"],"
                + "\"TaskGroups\":[{\"Name\":\"g\",\"Count\":1,\"Tasks\":[{\"Name\":\"t\",\"Driver\":\"raw_exec\","
                + "\"Config\":{\"command\":\"/bin/sh\",\"args\":[\"-c\",\"sleep 30\"]},"
                + "\"Resources\":{\"CPU\":100,\"MemoryMB\":32}}]}]}}";
    }
}

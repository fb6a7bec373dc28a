package io.drover.bench;

import io.drover.model.Job;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.BodyDecodeException;
import io.drover.model.json.GoJsonDecoder;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.scheduler.EvalTriggers;
import io.drover.scheduler.SchedulerEnv;
import io.drover.scheduler.SchedulerException;
import io.drover.scheduler.Schedulers;
import io.drover.scheduler.memory.MemoryState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The pure scheduler's placement rate: the service scheduler with Nomad's stacks places one
 * job of {@code --count} on {@code --nodes} ready nodes held in memory, its plan committed in
 * full at once. No Raft, no RocksDB, no nodes reporting: the upper bound of what
 * {@code placements} can reach. The job is decoded and canonicalized from the same body
 * {@code placements} registers. Each round starts on a fresh state; warm-up rounds let the JIT
 * compile the hot path first. Besides wall-clock time it reports placements per second of the
 * scheduling thread's CPU time, which other load on a shared machine disturbs far less.
 */
@Command(name = "scheduler-placements",
        description = "Placements/s of the service scheduler alone, in this process, for one job of --count.")
final class SchedulerPlacements implements Runnable {
    @Option(names = "--nodes", defaultValue = "1000", description = "ready nodes (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--count", defaultValue = "1000", description = "the job's count (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--warmup", defaultValue = "5", description = "rounds run first and not counted")
    int warmup;

    @Option(names = "--rounds", defaultValue = "5")
    int rounds;

    @Override
    public void run() {
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        for (int round = 1 - warmup; round <= rounds; round++) {
            double[] rate = round(round);
            if (round >= 1) {
                rates.add(rate[0]);
                cpuRates.add(rate[1]);
            }
        }
        System.out.printf("scheduler-placements: median %.0f placements/s, %.0f per CPU-second "
                + "(%d nodes, count %d, %d rounds)%n", Stats.median(rates), Stats.median(cpuRates), nodes, count, rounds);
    }

    /** Placements per second of wall-clock time and per second of this thread's CPU time. */
    private double[] round(int round) {
        MemoryState state = new MemoryState();
        for (Node n : BenchNodes.ready(nodes)) {
            state.upsertNode(n);
        }
        Job job = job("bench-" + (round + warmup), count);
        state.upsertJob(job);
        Evaluation eval = new Evaluation();
        eval.id = String.format("00000000-0000-4000-a000-%012d", round + warmup);
        eval.namespace = job.namespace;
        eval.priority = job.priority;
        eval.type = job.type;
        eval.triggeredBy = EvalTriggers.JOB_REGISTER;
        eval.jobId = job.id;
        eval.jobModifyIndex = job.jobModifyIndex;
        eval.status = Evaluation.STATUS_PENDING;
        state.upsertEval(eval);
        CommittingPlanner planner = new CommittingPlanner(state);
        AtomicLong ids = new AtomicLong();
        SchedulerEnv env = new SchedulerEnv(Instant.now(),
                () -> String.format("00000000-0000-4000-b000-%012d", ids.incrementAndGet()));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try {
            Schedulers.forType(job.type, state, planner, env).process(eval);
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler failed: " + e.getMessage(), e);
        }
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;

        if (planner.placed() != count) {
            throw new IllegalStateException("placed " + planner.placed() + " of " + count);
        }
        double rate = planner.placed() / (elapsed / 1e9);
        double cpuRate = planner.placed() / (cpu / 1e9);
        System.out.printf("%s %d: %d placements on %d nodes in %d plan(s), %.1f ms (%.1f ms CPU): %.0f placements/s%n",
                round < 1 ? "warm-up" : "round", round < 1 ? round + warmup : round, planner.placed(), nodes,
                planner.plans(), elapsed / 1e6, cpu / 1e6, rate);
        return new double[] {rate, cpuRate};
    }

    /** The job as the gateway would hand it to the leader: decoded as Go would, then canonicalized. */
    static Job job(String id, int count) {
        try {
            Job job = GoJsonDecoder.decode(PlacementJob.registerBody(id, count).getBytes(StandardCharsets.UTF_8),
                    JobRegisterBody.class).job;
            JobCanonicalizer.canonicalize(job);
            return job;
        } catch (BodyDecodeException e) {
            throw new IllegalStateException("the benchmark's job does not decode: " + e.getMessage(), e);
        }
    }
}

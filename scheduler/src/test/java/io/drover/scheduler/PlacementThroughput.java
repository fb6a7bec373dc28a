package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.scheduler.generic.GenericScheduler;
import io.drover.scheduler.memory.MemoryState;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures how fast the service scheduler places one job of count 1,000 on 5,000 nodes with
 * Nomad's stacks, on the in-memory state and with a planner that stores nothing, and prints
 * placements per second. A tool, not a test: run its {@code main}
 * (e.g. from the IDE, or {@code java -cp <test-classpath> io.drover.scheduler.PlacementThroughput [rounds]});
 * nothing asserts on time. The packaged equivalent, on nodes shaped as nodesim registers them and
 * with warm-up rounds, is {@code java -jar bench/target/drover-bench.jar scheduler-placements}.
 */
public final class PlacementThroughput {
    private static final int NODES = 5_000;
    private static final int COUNT = 1_000;

    private PlacementThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (int round = 1; round <= rounds; round++) {
            MemoryState state = new MemoryState();
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                nodes.add(Fixtures.node(String.format("node-%05d", i)));
            }
            nodes.forEach(state::upsertNode);
            Job job = Fixtures.service("bench", COUNT);
            state.upsertJob(job);
            Evaluation eval = Fixtures.eval("eval-" + round, job, EvalTriggers.JOB_REGISTER);
            state.upsertEval(eval);
            AcceptingPlanner planner = new AcceptingPlanner();

            long start = System.nanoTime();
            new GenericScheduler(false, state, planner, Fixtures.env(), StackFactory.NOMAD).process(eval);
            long elapsed = System.nanoTime() - start;

            int placed = planner.placed;
            System.out.printf("round %d: %d placements on %d nodes in %.1f ms: %.0f placements/s%n", round, placed,
                    NODES, elapsed / 1e6, placed / (elapsed / 1e9));
        }
    }

    /** Accepts every plan in full and stores nothing: what is measured is the scheduler alone. */
    private static final class AcceptingPlanner implements Planner {
        int placed;

        @Override
        public PlanSubmission submitPlan(Plan plan) {
            PlanResult result = new PlanResult();
            result.nodeUpdate = plan.nodeUpdate;
            result.nodeAllocation = plan.nodeAllocation;
            result.nodePreemptions = plan.nodePreemptions;
            plan.nodeAllocation.values().forEach(allocs -> placed += allocs.size());
            return new PlanSubmission(result, null);
        }

        @Override
        public void updateEval(Evaluation eval) {
        }

        @Override
        public void createEval(Evaluation eval) {
        }

        @Override
        public void reblockEval(Evaluation eval) {
        }
    }
}

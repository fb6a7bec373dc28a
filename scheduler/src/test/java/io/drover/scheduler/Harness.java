package io.drover.scheduler;

import com.google.protobuf.ByteString;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.proto.raft.EvalCreateCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.Table;
import io.drover.state.apply.PlanCommands;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@link Planner} of scheduler tests (Nomad's scheduler Harness): records every plan,
 * evaluation update and created evaluation, and commits them to a {@link StoreState} as
 * production does, so what the next scheduler reads is what production would store. A plan
 * becomes the command the leader's plan applier commits ({@link PlanCommands}) and the real
 * appliers store it (as Nomad's Harness calls UpsertPlanResults); evaluations go through Raft as
 * a worker writes them. Like Nomad's Harness it does not re-check plans against the state (a
 * scheduler that over-commits a node shows in the state), but it can be told to refuse nodes:
 * placements there are left out, and the answer is a partial commit with a fresh view to plan
 * the rest on, as the real applier answers when a node changed between planning and applying.
 */
public final class Harness implements Planner {
    public final StoreState state;
    public final List<Plan> plans = new ArrayList<>();
    /** What was committed of each plan, in the same order. */
    public final List<PlanResult> results = new ArrayList<>();
    public final List<Evaluation> evals = new ArrayList<>();
    public final List<Evaluation> createdEvals = new ArrayList<>();
    public final List<Evaluation> reblockedEvals = new ArrayList<>();
    private Predicate<String> refuseNode = nodeId -> false;
    private Consumer<Plan> beforeApply = plan -> { };

    public Harness(StoreState state) {
        this.state = state;
    }

    /** Placements on nodes matching {@code refuse} are not committed. */
    public Harness refuseNodes(Predicate<String> refuse) {
        this.refuseNode = refuse;
        return this;
    }

    /** Runs between a plan's submission and its application: where a test changes the world under a scheduler. */
    public Harness beforeApply(Consumer<Plan> hook) {
        this.beforeApply = hook;
        return this;
    }

    @Override
    public PlanSubmission submitPlan(Plan plan) {
        plans.add(plan);
        beforeApply.accept(plan);
        Set<String> refused = new HashSet<>();
        for (String nodeId : plan.nodeAllocation.keySet()) {
            if (refuseNode.test(nodeId)) {
                refused.add(nodeId);
            }
        }
        PlanResult result = accepted(plan, refused);
        results.add(result);
        if (!refused.isEmpty()) {
            // As the plan evaluator: the scheduler must refresh to the state it judged the plan on.
            result.refreshIndex = state.maxIndex(Table.NODES, Table.ALLOCS);
        }
        if (!result.isNoOp()) {
            // Committed and answered as the leader's plan applier does.
            RaftCommand command = RaftCommand.newBuilder().setPlanResults(PlanCommands.toCommand(plan, result)).build();
            result.committedAt(state.apply(command).getIndex());
        }
        return new PlanSubmission(result, refused.isEmpty() ? null : state.snapshot());
    }

    /**
     * What the plan applier accepts of {@code plan} with {@code refused} nodes left out, as the
     * plan evaluator builds it: a node is refused only for what it would place (stop-only nodes
     * always fit), and nothing of a refused node is committed.
     */
    private static PlanResult accepted(Plan plan, Set<String> refused) {
        PlanResult result = new PlanResult();
        result.nodeUpdate = new LinkedHashMap<>();
        result.nodeAllocation = new LinkedHashMap<>();
        result.nodePreemptions = new LinkedHashMap<>();
        copyAccepted(plan.nodeUpdate, result.nodeUpdate, refused);
        copyAccepted(plan.nodeAllocation, result.nodeAllocation, refused);
        copyAccepted(plan.nodePreemptions, result.nodePreemptions, refused);
        return result;
    }

    private static void copyAccepted(Map<String, List<Allocation>> from, Map<String, List<Allocation>> to,
            Set<String> refused) {
        for (Map.Entry<String, List<Allocation>> e : from.entrySet()) {
            if (!refused.contains(e.getKey()) && !e.getValue().isEmpty()) {
                to.put(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public void updateEval(Evaluation eval) {
        evals.add(eval);
        write(eval);
    }

    @Override
    public void createEval(Evaluation eval) {
        createdEvals.add(eval);
        write(eval);
    }

    /**
     * Only recorded: production hands a re-blocked evaluation back to the blocked-evaluation
     * tracker and writes nothing, the evaluation being stored as blocked already (Nomad's Harness
     * checks that it is).
     */
    @Override
    public void reblockEval(Evaluation eval) {
        Evaluation stored = state.evaluation(eval.id)
                .orElseThrow(() -> new IllegalStateException("evaluation " + eval.id + " to re-block does not exist"));
        if (!Evaluation.STATUS_BLOCKED.equals(stored.status)) {
            throw new IllegalStateException("evaluation " + eval.id + " is not already blocked: " + stored.status);
        }
        reblockedEvals.add(eval);
    }

    /** The evaluation through Raft as the worker's writer sends it. */
    private WriteResult write(Evaluation eval) {
        EvalCreateCommand create = EvalCreateCommand.newBuilder()
                .addEvalJson(ByteString.copyFrom(NomadJson.write(eval)))
                .build();
        return state.apply(RaftCommand.newBuilder().setEvalCreate(create).build());
    }

    /** Every allocation placed by the plans so far. */
    public List<Allocation> placed() {
        List<Allocation> out = new ArrayList<>();
        for (Plan p : plans) {
            p.nodeAllocation.values().forEach(out::addAll);
        }
        return out;
    }
}

package io.drover.state.apply;

import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.ServerAnnounceCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.ServerInfo;
import io.drover.state.rocks.StateTxn;
import java.util.List;

/**
 * Applies one Raft command to the state: a switch over the command's case. Everything here is
 * deterministic: no clocks, no randomness, no I/O but the transaction. A command refused part
 * way through (a {@link ApplyRefusal}) changes nothing.
 */
public final class CommandApplier {
    public WriteResult apply(StateTxn txn, RaftCommand command) {
        try {
            return dispatch(txn, command);
        } catch (ApplyRefusal r) {
            return Results.refused(txn, r.code(), r.getMessage());
        }
    }

    private static WriteResult dispatch(StateTxn txn, RaftCommand command) {
        return switch (command.getCommandCase()) {
            case JOB_REGISTER -> JobRegisterApplier.apply(txn, command.getJobRegister());
            case JOB_DEREGISTER -> JobDeregisterApplier.apply(txn, command.getJobDeregister());
            case JOB_DISPATCH -> JobDispatchApplier.apply(txn, command.getJobDispatch());
            case PERIODIC_LAUNCH -> PeriodicLaunchApplier.apply(txn, command.getPeriodicLaunch());
            case JOB_STABILITY -> JobStabilityApplier.apply(txn, command.getJobStability());
            case EVAL_CREATE -> createEvals(txn, command);
            case SERVER_ANNOUNCE -> announce(txn, command.getServerAnnounce());
            case BATCH -> Results.refused(txn, WriteResult.Code.INVALID, "a batch cannot be nested in a batch");
            case NODE_UPSERT -> NodeRegisterApplier.apply(txn, command.getNodeUpsert());
            case NODE_STATUS -> NodeStatusApplier.apply(txn, command.getNodeStatus());
            case NODE_ELIGIBILITY -> NodeEligibilityApplier.apply(txn, command.getNodeEligibility());
            case NODE_DRAIN -> NodeDrainApplier.apply(txn, command.getNodeDrain());
            case PLAN_RESULTS -> PlanResultsApplier.apply(txn, command.getPlanResults());
            case ALLOC_CLIENT_UPDATE -> AllocClientUpdateApplier.apply(txn, command.getAllocClientUpdate());
            case JOB_SCALE -> JobScaleApplier.apply(txn, command.getJobScale());
            case ALLOC_DESIRED_TRANSITION -> AllocDesiredTransitionApplier.apply(txn,
                    command.getAllocDesiredTransition());
            case GC_REAP -> GcReapApplier.apply(txn, command.getGcReap());
            case READ_BARRIER -> {
                txn.touch(io.drover.state.Table.READ_BARRIER);
                yield Results.ok(txn).build();
            }
            case COMMAND_NOT_SET -> Results.refused(txn, WriteResult.Code.INVALID, "empty command");
        };
    }

    private static WriteResult createEvals(StateTxn txn, RaftCommand command) {
        List<Evaluation> evals = EvalWrites.decode(command.getEvalCreate().getEvalJsonList());
        EvalWrites.upsert(txn, evals);
        WriteResult.Builder result = Results.ok(txn);
        if (!evals.isEmpty()) {
            Evaluation first = evals.get(0);
            result.setEvalId(first.id).setEvalCreateIndex(txn.index())
                    .setJobModifyIndex(first.jobModifyIndex == null ? 0 : first.jobModifyIndex);
        }
        return result.build();
    }

    private static WriteResult announce(StateTxn txn, ServerAnnounceCommand a) {
        txn.putServer(new ServerInfo(a.getServerId(), a.getName(), a.getRaftAddress(), a.getRpcAddress(),
                a.getHttpAddress()));
        return Results.ok(txn).build();
    }
}

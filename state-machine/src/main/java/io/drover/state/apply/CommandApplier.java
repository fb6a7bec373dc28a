package io.drover.state.apply;

import io.drover.model.Evaluation;
import io.drover.model.NomadJson;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.ServerAnnounceCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.ServerInfo;
import io.drover.state.rocks.StateTxn;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one Raft command to the state: a switch over the command's case. Everything here is
 * deterministic: no clocks, no randomness, no I/O but the transaction.
 */
public final class CommandApplier {
    public WriteResult apply(StateTxn txn, RaftCommand command) {
        return switch (command.getCommandCase()) {
            case JOB_REGISTER -> JobRegisterApplier.apply(txn, command.getJobRegister());
            case JOB_DEREGISTER -> JobDeregisterApplier.apply(txn, command.getJobDeregister());
            case JOB_STABILITY -> JobStabilityApplier.apply(txn, command.getJobStability());
            case EVAL_CREATE -> createEvals(txn, command);
            case SERVER_ANNOUNCE -> announce(txn, command.getServerAnnounce());
            case BATCH -> Results.refused(txn, WriteResult.Code.INVALID, "a batch cannot be nested in a batch");
            case NODE_UPSERT, NODE_STATUS, NODE_ELIGIBILITY, NODE_DRAIN, PLAN_RESULTS, ALLOC_CLIENT_UPDATE,
                    ALLOC_DESIRED_TRANSITION -> Results.refused(txn, WriteResult.Code.INTERNAL,
                    "this server does not apply " + command.getCommandCase() + " yet");
            case COMMAND_NOT_SET -> Results.refused(txn, WriteResult.Code.INVALID, "empty command");
        };
    }

    private static WriteResult createEvals(StateTxn txn, RaftCommand command) {
        List<Evaluation> evals = new ArrayList<>();
        for (var json : command.getEvalCreate().getEvalJsonList()) {
            evals.add(NomadJson.read(json.toByteArray(), Evaluation.class));
        }
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

package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.JobDeregisterCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;
import java.util.Optional;

/**
 * Stops a job (a new version with Stop set) or purges it, and creates the evaluation that will
 * stop its allocations. As in Nomad, deregistering an unknown job still answers with an
 * evaluation.
 */
final class JobDeregisterApplier {
    private JobDeregisterApplier() {
    }

    static WriteResult apply(StateTxn txn, JobDeregisterCommand cmd) {
        Optional<Job> job = txn.job(cmd.getNamespace(), cmd.getJobId());
        if (cmd.getPurge()) {
            JobWrites.delete(txn, cmd.getNamespace(), cmd.getJobId());
        } else if (job.isPresent()) {
            Job stopped = job.get().copy();
            stopped.stop = true;
            JobWrites.upsert(txn, stopped, false);
        }

        WriteResult.Builder result = Results.ok(txn).setJobModifyIndex(txn.index());
        boolean noEval = job.isPresent() && (job.get().isPeriodic() || job.get().isParameterized());
        if (!cmd.getEvalJson().isEmpty() && !noEval) {
            Evaluation eval = NomadJson.read(cmd.getEvalJson().toByteArray(), Evaluation.class);
            eval.jobModifyIndex = txn.index();
            EvalWrites.upsert(txn, List.of(eval));
            result.setEvalId(eval.id).setEvalCreateIndex(txn.index());
        }
        return result.build();
    }
}

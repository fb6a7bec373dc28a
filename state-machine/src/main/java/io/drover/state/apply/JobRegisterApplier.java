package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.Namespaces;
import io.drover.model.diff.JobSpecs;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.JobRegisterCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;
import java.util.Optional;

/**
 * Registers a job and creates its evaluation in one entry. The check-and-set conditions and
 * the allowed transitions are checked here, against the state the entry applies to, so two
 * racing writers cannot both pass. An unchanged spec keeps its version and JobModifyIndex and
 * only gets the new evaluation.
 */
final class JobRegisterApplier {
    static final String ENFORCE_INDEX_PREFIX = "Enforcing job modify index";

    private JobRegisterApplier() {
    }

    static WriteResult apply(StateTxn txn, JobRegisterCommand cmd) {
        Job job = NomadJson.read(cmd.getJobJson().toByteArray(), Job.class);
        if (!Namespaces.exists(job.namespace)) {
            return Results.refused(txn, WriteResult.Code.INVALID,
                    "job \"" + job.id + "\" is in nonexistent namespace \"" + job.namespace + "\"");
        }
        Optional<Job> existing = txn.job(job.namespace, job.id);

        String conflict = checkAndSet(cmd, existing);
        if (conflict != null) {
            return Results.refused(txn, WriteResult.Code.CONFLICT, conflict);
        }
        String transition = JobSpecs.updateError(existing.orElse(null), job);
        if (transition != null) {
            return Results.refused(txn, WriteResult.Code.INVALID, transition);
        }

        long jobModifyIndex;
        if (existing.isEmpty() || JobSpecs.specChanged(existing.get(), job)) {
            JobWrites.upsert(txn, job, false);
            jobModifyIndex = txn.index();
        } else {
            jobModifyIndex = existing.get().jobModifyIndex;
        }

        PeriodicLaunches.recordRegistration(txn, job);
        WriteResult.Builder result = Results.ok(txn).setJobModifyIndex(jobModifyIndex).setWarnings(cmd.getWarnings());
        if (!cmd.getEvalJson().isEmpty() && !job.isPeriodic() && !job.isParameterized()) {
            Evaluation eval = NomadJson.read(cmd.getEvalJson().toByteArray(), Evaluation.class);
            eval.jobModifyIndex = jobModifyIndex;
            EvalWrites.upsert(txn, List.of(eval));
            result.setEvalId(eval.id).setEvalCreateIndex(txn.index());
        }
        return result.build();
    }

    private static String checkAndSet(JobRegisterCommand cmd, Optional<Job> existing) {
        if (cmd.getEnforcePriorVersion()) {
            long current = existing.map(j -> j.version).orElse(0L);
            if (existing.isEmpty() || current != cmd.getPriorVersion()) {
                return "Current job has version " + current + "; enforcing version " + cmd.getPriorVersion();
            }
        }
        if (!cmd.getEnforceIndex()) {
            return null;
        }
        long jmi = cmd.getJobModifyIndex();
        if (existing.isPresent()) {
            if (jmi == 0) {
                return ENFORCE_INDEX_PREFIX + " 0: job already exists";
            }
            if (jmi != existing.get().jobModifyIndex) {
                return ENFORCE_INDEX_PREFIX + " " + jmi + ": job exists with conflicting job modify index: "
                        + existing.get().jobModifyIndex;
            }
        } else if (jmi != 0) {
            return ENFORCE_INDEX_PREFIX + " " + jmi + ": job does not exist";
        }
        return null;
    }
}

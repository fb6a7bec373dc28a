package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.proto.raft.JobStabilityCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.Optional;

/**
 * Marks a job version stable or not. The version entry always changes; the current job changes
 * only if it is that version. (Nomad would make an older version the current job; a user
 * marking history stable does not expect a silent rollback.)
 */
final class JobStabilityApplier {
    private JobStabilityApplier() {
    }

    static WriteResult apply(StateTxn txn, JobStabilityCommand cmd) {
        String ns = cmd.getNamespace();
        String id = cmd.getJobId();
        Optional<Job> version = txn.jobVersion(ns, id, cmd.getVersion());
        if (version.isEmpty()) {
            return Results.refused(txn, WriteResult.Code.NOT_FOUND, "job \"" + id + "\" in namespace \"" + ns
                    + "\" at version " + cmd.getVersion() + " not found");
        }
        if (Boolean.valueOf(cmd.getStable()).equals(version.get().stable)) {
            return Results.ok(txn).setJobModifyIndex(txn.index()).build();
        }
        Optional<Job> current = txn.job(ns, id);
        if (current.isPresent() && current.get().version == cmd.getVersion()) {
            Job job = current.get().copy();
            job.stable = cmd.getStable();
            JobWrites.upsert(txn, job, true);
        } else {
            Job v = version.get();
            v.stable = cmd.getStable();
            v.modifyIndex = txn.index();
            txn.putJobVersion(v);
        }
        return Results.ok(txn).setJobModifyIndex(txn.index()).build();
    }
}

package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.JobDispatchCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;
import java.util.Optional;

/**
 * Stores a dispatched child job and its evaluation in one entry. The leader checked the request
 * against the state it saw; the parent is checked again here, against the state the entry
 * applies to, since it may have been stopped or purged in between. A child of the same parent
 * that already carries the request's idempotency token is answered instead of a new one: the
 * check and the write are in one entry, so retries racing each other create one child.
 */
final class JobDispatchApplier {
    private JobDispatchApplier() {
    }

    static WriteResult apply(StateTxn txn, JobDispatchCommand cmd) {
        Job child = NomadJson.read(cmd.getJobJson().toByteArray(), Job.class);
        Job parent = txn.job(child.namespace, child.parentId)
                .orElseThrow(() -> new ApplyRefusal(WriteResult.Code.NOT_FOUND, "parameterized job not found"));
        if (!parent.isParameterized()) {
            throw new ApplyRefusal(WriteResult.Code.INVALID,
                    "Specified job \"" + parent.id + "\" is not a parameterized job");
        }
        if (parent.isStopped()) {
            throw new ApplyRefusal(WriteResult.Code.INVALID, "Specified job \"" + parent.id + "\" is stopped");
        }

        Optional<Job> earlier = earlierDispatch(txn, parent, child.dispatchIdempotencyToken);
        if (earlier.isPresent()) {
            // As Nomad answers a retry: the first child, no evaluation, the child's own indexes.
            Job first = earlier.get();
            return Results.ok(txn).setIndex(first.modifyIndex).setDispatchedJobId(first.id)
                    .setJobCreateIndex(first.createIndex).setJobModifyIndex(first.jobModifyIndex).build();
        }

        JobWrites.upsert(txn, child, false);
        WriteResult.Builder result = Results.ok(txn).setDispatchedJobId(child.id)
                .setJobCreateIndex(txn.index()).setJobModifyIndex(txn.index());
        if (!cmd.getEvalJson().isEmpty()) {
            Evaluation eval = NomadJson.read(cmd.getEvalJson().toByteArray(), Evaluation.class);
            eval.jobModifyIndex = txn.index();
            EvalWrites.upsert(txn, List.of(eval));
            result.setEvalId(eval.id).setEvalCreateIndex(txn.index());
        }
        return result.build();
    }

    /** The child of {@code parent} dispatched with {@code token}, if the token is set and one is stored. */
    private static Optional<Job> earlierDispatch(StateTxn txn, Job parent, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return txn.jobsByIdPrefix(parent.namespace, parent.id).stream()
                .filter(j -> parent.id.equals(j.parentId) && token.equals(j.dispatchIdempotencyToken))
                .findFirst();
    }
}

package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.json.NomadJson;
import io.drover.model.scaling.JobScalingEvents;
import io.drover.model.scaling.ScalingBounds;
import io.drover.model.scaling.ScalingEvent;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.JobScaleCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;
import java.util.Optional;

/**
 * Applies a scaling action. With a count: a new version of the job with the group's count
 * changed (even if it is the same, as Nomad does), its evaluation, and the event naming that
 * evaluation. Without one (an autoscaler reporting an error, say): only the event. The leader
 * checked the job, the group and the bounds; they are checked again here against the job as it
 * is when the entry applies, whose count is the only thing changed (so two scales racing each
 * other both apply, in log order, as in Nomad).
 */
final class JobScaleApplier {
    private JobScaleApplier() {
    }

    static WriteResult apply(StateTxn txn, JobScaleCommand cmd) {
        Optional<Job> existing = txn.job(cmd.getNamespace(), cmd.getJobId());
        if (existing.isEmpty()) {
            return Results.refused(txn, WriteResult.Code.NOT_FOUND, "job \"" + cmd.getJobId() + "\" not found");
        }
        Job current = existing.get();
        if (current.lookupTaskGroup(cmd.getGroup()) == null) {
            return Results.refused(txn, WriteResult.Code.INVALID,
                    "task group \"" + cmd.getGroup() + "\" specified for scaling does not exist in job");
        }
        ScalingEvent event = NomadJson.read(cmd.getEventJson().toByteArray(), ScalingEvent.class);
        WriteResult.Builder result = Results.ok(txn);

        if (cmd.getHasCount()) {
            String outOfBounds = ScalingBounds.violation(current.lookupTaskGroup(cmd.getGroup()), cmd.getCount());
            if (outOfBounds != null) {
                return Results.refused(txn, WriteResult.Code.INVALID, outOfBounds);
            }
            Job scaled = current.copy();
            TaskGroup group = scaled.lookupTaskGroup(cmd.getGroup());
            group.count = Math.toIntExact(cmd.getCount());
            JobWrites.upsert(txn, scaled, false);
            result.setJobModifyIndex(txn.index());
            if (!cmd.getEvalJson().isEmpty()) {
                Evaluation eval = NomadJson.read(cmd.getEvalJson().toByteArray(), Evaluation.class);
                eval.jobModifyIndex = txn.index();
                EvalWrites.upsert(txn, List.of(eval));
                result.setEvalId(eval.id).setEvalCreateIndex(txn.index());
                event.evalId = eval.id;
            }
        } else {
            result.setJobModifyIndex(current.modifyIndex == null ? 0 : current.modifyIndex);
        }

        event.createIndex = txn.index();
        JobScalingEvents events = txn.scalingEvents(current.namespace, current.id).orElseGet(() -> {
            JobScalingEvents e = new JobScalingEvents();
            e.namespace = current.namespace;
            e.jobId = current.id;
            return e;
        });
        events.add(cmd.getGroup(), event);
        events.modifyIndex = txn.index();
        txn.putScalingEvents(events);
        return result.build();
    }
}

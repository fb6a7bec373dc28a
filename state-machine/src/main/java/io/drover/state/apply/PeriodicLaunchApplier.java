package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import io.drover.model.launch.PeriodicChild;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.PeriodicLaunchCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.StateTxn;
import java.util.List;

/**
 * Stores a periodic job's child, its evaluation and the parent's last launch in one entry
 * (Nomad writes them in two, and can be left with a child and no evaluation). A child that is
 * already stored was launched by an earlier entry, perhaps by a previous leader: it is answered
 * without a second evaluation, so a launch is never doubled; only a forced launch in the same
 * second registers it again with a new evaluation, as Nomad would.
 */
final class PeriodicLaunchApplier {
    private PeriodicLaunchApplier() {
    }

    static WriteResult apply(StateTxn txn, PeriodicLaunchCommand cmd) {
        Job child = NomadJson.read(cmd.getJobJson().toByteArray(), Job.class);
        Job parent = txn.job(child.namespace, child.parentId)
                .orElseThrow(() -> new ApplyRefusal(WriteResult.Code.NOT_FOUND, "job not found"));
        if (!parent.isPeriodic() || parent.isParameterized()) {
            throw new ApplyRefusal(WriteResult.Code.INVALID, "can't force launch non-periodic job");
        }
        if (txn.job(child.namespace, child.id).isPresent() && !cmd.getForce()) {
            return Results.ok(txn).build();
        }
        long launchSeconds = PeriodicChild.launchSeconds(child.id)
                .orElseThrow(() -> new ApplyRefusal(WriteResult.Code.INVALID, "not a periodic child: " + child.id));

        JobWrites.upsert(txn, child, false);
        PeriodicLaunches.put(txn, parent.namespace, parent.id, launchSeconds * 1_000_000_000L);
        WriteResult.Builder result = Results.ok(txn).setJobModifyIndex(txn.index());
        if (!cmd.getEvalJson().isEmpty()) {
            Evaluation eval = NomadJson.read(cmd.getEvalJson().toByteArray(), Evaluation.class);
            eval.jobModifyIndex = txn.index();
            EvalWrites.upsert(txn, List.of(eval));
            result.setEvalId(eval.id).setEvalCreateIndex(txn.index());
        }
        return result.build();
    }
}

package io.drover.state.apply;

import com.google.protobuf.ByteString;
import io.drover.model.JobSummary;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.rocks.StateTxn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores evaluations as Nomad's state store does: indexes stamped, queued counts copied into
 * the job summary, blocked evaluations of a job cancelled once one completes cleanly, and the
 * job's status recomputed.
 */
final class EvalWrites {
    private EvalWrites() {
    }

    /** The evaluations of a command, decoded from their Nomad JSON. */
    static List<Evaluation> decode(List<ByteString> jsons) {
        List<Evaluation> evals = new ArrayList<>(jsons.size());
        for (ByteString json : jsons) {
            evals.add(NomadJson.read(json.toByteArray(), Evaluation.class));
        }
        return evals;
    }

    /**
     * Stores a command's evaluations and reports them to the leader (see
     * {@link StateTxn#reportEvaluations}); what storing them changes (cancelled blocked
     * evaluations, job statuses) is not reported.
     */
    static void upsert(StateTxn txn, List<Evaluation> evals) {
        Map<String, String[]> jobs = new LinkedHashMap<>();
        for (Evaluation eval : evals) {
            upsertOne(txn, eval);
            jobs.putIfAbsent(eval.namespace + '\0' + eval.jobId, new String[] {eval.namespace, eval.jobId});
        }
        for (String[] nsId : jobs.values()) {
            JobStatus.update(txn, nsId[0], nsId[1], null);
        }
        txn.reportEvaluations(evals);
    }

    private static void upsertOne(StateTxn txn, Evaluation eval) {
        long index = txn.index();
        eval.createIndex = txn.evaluationCreateIndex(eval.id).orElse(index);
        eval.modifyIndex = index;
        copyQueuedToSummary(txn, eval);
        if (Evaluation.STATUS_COMPLETE.equals(eval.status)
                && (eval.failedTgAllocs == null || eval.failedTgAllocs.isEmpty())) {
            cancelBlocked(txn, eval);
        }
        txn.putEvaluation(eval);
    }

    private static void copyQueuedToSummary(StateTxn txn, Evaluation eval) {
        if (eval.queuedAllocations == null || eval.queuedAllocations.isEmpty()) {
            return;
        }
        txn.jobSummary(eval.namespace, eval.jobId).ifPresent(summary -> {
            boolean changed = false;
            for (Map.Entry<String, Integer> q : eval.queuedAllocations.entrySet()) {
                JobSummary.TaskGroupSummary tg = summary.summary.get(q.getKey());
                if (tg != null && tg.queued != q.getValue()) {
                    tg.queued = q.getValue();
                    changed = true;
                }
            }
            if (changed) {
                summary.modifyIndex = txn.index();
                txn.putJobSummary(summary);
            }
        });
    }

    private static void cancelBlocked(StateTxn txn, Evaluation done) {
        for (Map.Entry<String, String> s : txn.evaluationStatusesOfJob(done.namespace, done.jobId).entrySet()) {
            if (!Evaluation.STATUS_BLOCKED.equals(s.getValue()) || s.getKey().equals(done.id)) {
                continue;
            }
            Evaluation e = txn.evaluation(s.getKey()).orElse(null);
            if (e != null) {
                e.status = Evaluation.STATUS_CANCELED;
                e.statusDescription = "evaluation \"" + done.id + "\" successful";
                e.modifyIndex = txn.index();
                txn.putEvaluation(e);
            }
        }
    }
}

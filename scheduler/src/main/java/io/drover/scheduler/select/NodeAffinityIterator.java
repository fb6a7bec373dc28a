package io.drover.scheduler.select;

import io.drover.model.Affinity;
import io.drover.model.Job;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores nodes by the job's, group's and tasks' affinities (Nomad's
 * {@code NodeAffinityIterator}): {@code node-affinity} is the sum of the matching affinities'
 * weights over the sum of all weights' magnitudes, in [-1, 1]. A node matching none is not
 * scored (0 is recorded only when there are no affinities at all).
 */
final class NodeAffinityIterator implements RankIterator {
    private final EvalContext ctx;
    private final RankIterator source;
    private List<Affinity> jobAffinities = List.of();
    private final List<Affinity> affinities = new ArrayList<>();

    NodeAffinityIterator(EvalContext ctx, RankIterator source) {
        this.ctx = ctx;
        this.source = source;
    }

    void setJob(Job job) {
        jobAffinities = job.affinities == null ? List.of() : job.affinities;
    }

    void setTaskGroup(TaskGroup tg) {
        affinities.addAll(jobAffinities);
        if (tg.affinities != null) {
            affinities.addAll(tg.affinities);
        }
        for (Task t : tg.tasks == null ? List.<Task>of() : tg.tasks) {
            if (t.affinities != null) {
                affinities.addAll(t.affinities);
            }
        }
    }

    boolean hasAffinities() {
        return !affinities.isEmpty();
    }

    @Override
    public RankedNode next() {
        RankedNode option = source.next();
        if (option == null) {
            return null;
        }
        if (!hasAffinities()) {
            ctx.metrics().scoreNode(option.node, "node-affinity", 0);
            return option;
        }
        double sumWeight = 0;
        double total = 0;
        for (Affinity a : affinities) {
            sumWeight += Math.abs(weight(a));
        }
        for (Affinity a : affinities) {
            if (ConstraintOperands.check(ctx, a.operand, NodeTargets.resolve(a.lTarget, option.node),
                    NodeTargets.resolve(a.rTarget, option.node))) {
                total += weight(a);
            }
        }
        if (total != 0.0) {
            double norm = total / sumWeight;
            option.scores.add(norm);
            ctx.metrics().scoreNode(option.node, "node-affinity", norm);
        }
        return option;
    }

    private static int weight(Affinity a) {
        return a.weight == null ? 0 : a.weight;
    }

    @Override
    public void reset() {
        source.reset();
        affinities.clear();
    }
}

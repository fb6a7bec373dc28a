package io.drover.scheduler.select;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;

/**
 * Penalises nodes that already hold allocations of the same job and group (Nomad's
 * {@code JobAntiAffinityIterator}), so a group spreads over nodes: {@code job-anti-affinity} is
 * -(collisions + 1) / count, or 0 without collisions (recorded, not added to the scores).
 */
final class JobAntiAffinityIterator implements RankIterator {
    private final EvalContext ctx;
    private final RankIterator source;
    private String jobId = "";
    private String taskGroup = "";
    private int desiredCount;

    JobAntiAffinityIterator(EvalContext ctx, RankIterator source) {
        this.ctx = ctx;
        this.source = source;
    }

    void setJob(Job job) {
        jobId = job.id;
    }

    void setTaskGroup(TaskGroup tg) {
        taskGroup = tg.name;
        desiredCount = tg.count == null ? 0 : tg.count;
    }

    @Override
    public RankedNode next() {
        RankedNode option = source.next();
        if (option == null) {
            return null;
        }
        int collisions = 0;
        for (Allocation a : option.proposedAllocs(ctx)) {
            if (jobId.equals(a.jobId) && taskGroup.equals(a.taskGroup)) {
                collisions++;
            }
        }
        if (collisions > 0) {
            double penalty = -1.0 * (collisions + 1) / desiredCount;
            option.scores.add(penalty);
            ctx.metrics().scoreNode(option.node, "job-anti-affinity", penalty);
        } else {
            ctx.metrics().scoreNode(option.node, "job-anti-affinity", 0);
        }
        return option;
    }

    @Override
    public void reset() {
        source.reset();
    }
}

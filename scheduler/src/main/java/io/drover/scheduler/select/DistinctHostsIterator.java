package io.drover.scheduler.select;

import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.util.List;

/**
 * Enforces {@code distinct_hosts} (Nomad's {@code DistinctHostsIterator}): with the constraint on
 * the job, a node may hold one allocation of the job; on a group, one of that group. Existing
 * and planned allocations count. A refused node is filtered as {@code distinct_hosts}.
 */
final class DistinctHostsIterator implements FeasibleIterator {
    private final EvalContext ctx;
    private final FeasibleIterator source;
    private Job job;
    private TaskGroup tg;
    private boolean jobDistinctHosts;
    private boolean tgDistinctHosts;

    DistinctHostsIterator(EvalContext ctx, FeasibleIterator source) {
        this.ctx = ctx;
        this.source = source;
    }

    void setJob(Job job) {
        this.job = job;
        jobDistinctHosts = hasDistinctHosts(job.constraints);
    }

    void setTaskGroup(TaskGroup tg) {
        this.tg = tg;
        tgDistinctHosts = hasDistinctHosts(tg.constraints);
    }

    private static boolean hasDistinctHosts(List<Constraint> constraints) {
        if (constraints != null) {
            for (Constraint c : constraints) {
                if (Constraint.DISTINCT_HOSTS.equals(c.operand)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Node next() {
        while (true) {
            Node option = source.next();
            if (option == null || !(jobDistinctHosts || tgDistinctHosts)) {
                return option;
            }
            if (!satisfies(option)) {
                ctx.metrics().filterNode(option, Constraint.DISTINCT_HOSTS);
                continue;
            }
            return option;
        }
    }

    private boolean satisfies(Node option) {
        for (Allocation a : ctx.proposedAllocs(option.id)) {
            boolean jobCollision = job.id.equals(a.jobId);
            boolean groupCollision = tg.name.equals(a.taskGroup);
            if (jobDistinctHosts && jobCollision || jobCollision && groupCollision) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() {
        source.reset();
    }
}

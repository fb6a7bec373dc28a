package io.drover.scheduler.select;

import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.node.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enforces {@code distinct_property} (Nomad's {@code DistinctPropertyIterator}): at most RTarget
 * (default 1) allocations of the job, or of the group, per value of the LTarget property. A
 * refused node is filtered with the property set's reason, e.g.
 * {@code distinct_property: ${meta.rack}=r1 used by 1 allocs}.
 */
final class DistinctPropertyIterator implements FeasibleIterator {
    private final EvalContext ctx;
    private final FeasibleIterator source;
    private Job job;
    private TaskGroup tg;
    private boolean hasConstraints;
    private final List<PropertySet> jobPropertySets = new ArrayList<>();
    private final Map<String, List<PropertySet>> groupPropertySets = new HashMap<>();

    DistinctPropertyIterator(EvalContext ctx, FeasibleIterator source) {
        this.ctx = ctx;
        this.source = source;
    }

    void setJob(Job job) {
        this.job = job;
        for (Constraint c : job.constraints == null ? List.<Constraint>of() : job.constraints) {
            if (Constraint.DISTINCT_PROPERTY.equals(c.operand)) {
                PropertySet ps = new PropertySet(ctx, job);
                ps.setConstraint(c, null);
                jobPropertySets.add(ps);
            }
        }
    }

    void setTaskGroup(TaskGroup tg) {
        this.tg = tg;
        if (!groupPropertySets.containsKey(tg.name)) {
            List<PropertySet> sets = new ArrayList<>();
            for (Constraint c : tg.constraints == null ? List.<Constraint>of() : tg.constraints) {
                if (Constraint.DISTINCT_PROPERTY.equals(c.operand)) {
                    PropertySet ps = new PropertySet(ctx, job);
                    ps.setConstraint(c, tg.name);
                    sets.add(ps);
                }
            }
            groupPropertySets.put(tg.name, sets);
        }
        hasConstraints = !jobPropertySets.isEmpty() || !groupPropertySets.get(tg.name).isEmpty();
    }

    @Override
    public Node next() {
        while (true) {
            Node option = source.next();
            if (option == null || !hasConstraints) {
                return option;
            }
            if (!satisfies(option, jobPropertySets) || !satisfies(option, groupPropertySets.get(tg.name))) {
                continue;
            }
            return option;
        }
    }

    private boolean satisfies(Node option, List<PropertySet> sets) {
        for (PropertySet ps : sets) {
            String reason = ps.distinctPropertyViolation(option);
            if (reason != null) {
                ctx.metrics().filterNode(option, reason);
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() {
        source.reset();
        jobPropertySets.forEach(PropertySet::populateProposed);
        groupPropertySets.values().forEach(sets -> sets.forEach(PropertySet::populateProposed));
    }
}

package io.drover.scheduler.select;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.node.Node;
import java.util.List;

/**
 * The system scheduler's {@link Stack} (Nomad's {@code SystemStack}): the same feasibility
 * checks as the generic stack but no distinct_hosts, and only bin packing to rank. The system
 * scheduler gives it one node at a time, so there is no sampling.
 *
 * <p>Nomad's system stack may preempt lower-priority allocations by default; Drover has no
 * preemption, so a node the group does not fit on is reported exhausted (network and device
 * shortfalls unrecorded, as when Nomad's preemptor finds nothing).
 */
public final class SystemStack implements Stack {
    private final EvalContext ctx;
    private final StaticIterator source;
    private final FeasibilityWrapper wrappedChecks;
    private final ConstraintChecker jobConstraint;
    private final DriverChecker taskGroupDrivers;
    private final ConstraintChecker taskGroupConstraint;
    private final DeviceChecker taskGroupDevices;
    private final HostVolumeChecker taskGroupHostVolumes;
    private final DistinctPropertyIterator distinctProperty;
    private final BinPackIterator binPack;
    private final ScoreNormalizationIterator scoreNorm;

    public SystemStack(EvalContext ctx) {
        this.ctx = ctx;
        source = new StaticIterator(ctx, null);
        jobConstraint = new ConstraintChecker(ctx, null);
        taskGroupDrivers = new DriverChecker(ctx, null);
        taskGroupConstraint = new ConstraintChecker(ctx, null);
        taskGroupHostVolumes = new HostVolumeChecker(ctx);
        taskGroupDevices = new DeviceChecker(ctx);
        wrappedChecks = new FeasibilityWrapper(ctx, source, List.of(jobConstraint),
                List.of(taskGroupDrivers, taskGroupConstraint, taskGroupHostVolumes, taskGroupDevices), List.of());
        distinctProperty = new DistinctPropertyIterator(ctx, wrappedChecks);
        binPack = new BinPackIterator(ctx, new FeasibleRankIterator(distinctProperty), true, 0, false);
        scoreNorm = new ScoreNormalizationIterator(ctx, binPack);
    }

    @Override
    public void setNodes(List<Node> nodes) {
        source.setNodes(nodes);
    }

    @Override
    public void setJob(Job job) {
        jobConstraint.setConstraints(job.constraints);
        distinctProperty.setJob(job);
        binPack.setJob(job);
        ctx.eligibility().setJob(job);
    }

    @Override
    public RankedNode select(TaskGroup tg, SelectOptions options) {
        scoreNorm.reset();
        ctx.reset();

        TaskGroupConstraints tgc = TaskGroupConstraints.of(tg);
        taskGroupDrivers.setDrivers(tgc.drivers());
        taskGroupConstraint.setConstraints(tgc.constraints());
        taskGroupDevices.setTaskGroup(tg);
        taskGroupHostVolumes.setVolumes(tg.volumes);
        wrappedChecks.setTaskGroup(tg.name);
        distinctProperty.setTaskGroup(tg);
        binPack.setTaskGroup(tg);
        return scoreNorm.next();
    }
}

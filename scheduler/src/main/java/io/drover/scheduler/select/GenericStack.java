package io.drover.scheduler.select;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.node.Node;
import java.util.List;

/**
 * The service and batch schedulers' {@link Stack} (Nomad's {@code GenericStack}): the job's
 * constraints, then per group drivers, constraints, host volumes and devices (memoised per
 * computed class), distinct_hosts and distinct_property; then bin packing, job anti-affinity,
 * the rescheduling penalty, node affinities and spreads, averaged; then the best of a sample.
 *
 * <p>The sample ({@link LimitIterator}) is 2 nodes for batch jobs and
 * {@code max(2, ceil(log2(nodes)))} for service jobs; a group with affinities or spreads scores
 * every feasible node (and the limit stays lifted until {@link #setNodes} is called again, as in
 * Nomad). Nodes are walked in the order given: the caller shuffles them ({@link NodeShuffle}).
 */
public final class GenericStack implements Stack {
    static final double SKIP_SCORE_THRESHOLD = 0.0;
    static final int MAX_SKIP = 3;

    private final boolean batch;
    private final EvalContext ctx;
    private final StaticIterator source;
    private final FeasibilityWrapper wrappedChecks;
    private final ConstraintChecker jobConstraint;
    private final DriverChecker taskGroupDrivers;
    private final ConstraintChecker taskGroupConstraint;
    private final DeviceChecker taskGroupDevices;
    private final HostVolumeChecker taskGroupHostVolumes;
    private final DistinctHostsIterator distinctHosts;
    private final DistinctPropertyIterator distinctProperty;
    private final BinPackIterator binPack;
    private final JobAntiAffinityIterator jobAntiAff;
    private final NodeReschedulingPenaltyIterator reschedulingPenalty;
    private final NodeAffinityIterator nodeAffinity;
    private final SpreadIterator spread;
    private final LimitIterator limit;
    private final MaxScoreIterator maxScore;

    public GenericStack(boolean batch, EvalContext ctx) {
        this.batch = batch;
        this.ctx = ctx;
        source = new StaticIterator(ctx, null);
        jobConstraint = new ConstraintChecker(ctx, null);
        taskGroupDrivers = new DriverChecker(ctx, null);
        taskGroupConstraint = new ConstraintChecker(ctx, null);
        taskGroupDevices = new DeviceChecker(ctx);
        taskGroupHostVolumes = new HostVolumeChecker(ctx);
        wrappedChecks = new FeasibilityWrapper(ctx, source, List.of(jobConstraint),
                List.of(taskGroupDrivers, taskGroupConstraint, taskGroupHostVolumes, taskGroupDevices), List.of());
        distinctHosts = new DistinctHostsIterator(ctx, wrappedChecks);
        distinctProperty = new DistinctPropertyIterator(ctx, distinctHosts);
        binPack = new BinPackIterator(ctx, new FeasibleRankIterator(distinctProperty), false, 0, false);
        jobAntiAff = new JobAntiAffinityIterator(ctx, binPack);
        reschedulingPenalty = new NodeReschedulingPenaltyIterator(ctx, jobAntiAff);
        nodeAffinity = new NodeAffinityIterator(ctx, reschedulingPenalty);
        spread = new SpreadIterator(ctx, nodeAffinity);
        ScoreNormalizationIterator scoreNorm = new ScoreNormalizationIterator(ctx, spread);
        limit = new LimitIterator(scoreNorm, 2, SKIP_SCORE_THRESHOLD, MAX_SKIP);
        maxScore = new MaxScoreIterator(limit);
    }

    @Override
    public void setNodes(List<Node> nodes) {
        source.setNodes(nodes);
        limit.setLimit(sampleLimit(batch, nodes.size()));
    }

    /** Nomad's sample size: 2 for batch, else {@code ceil(log2(n))} but at least 2. */
    static int sampleLimit(boolean batch, int nodeCount) {
        int limit = 2;
        if (!batch && nodeCount > 0) {
            int logLimit = (int) Math.ceil(Math.log(nodeCount) / Math.log(2));
            limit = Math.max(limit, logLimit);
        }
        return limit;
    }

    /** The sample size in force (for tests and diagnostics). */
    int currentLimit() {
        return limit.limit();
    }

    @Override
    public void setJob(Job job) {
        jobConstraint.setConstraints(job.constraints);
        distinctHosts.setJob(job);
        distinctProperty.setJob(job);
        binPack.setJob(job);
        jobAntiAff.setJob(job);
        nodeAffinity.setJob(job);
        spread.setJob(job);
        ctx.eligibility().setJob(job);
    }

    @Override
    public RankedNode select(TaskGroup tg, SelectOptions options) {
        if (options != null && options.preferredNodes() != null && !options.preferredNodes().isEmpty()) {
            // Try the preferred nodes alone first, then everything.
            List<Node> original = source.nodes();
            SelectOptions without = new SelectOptions(options.penaltyNodeIds(), List.of(), options.preempt());
            source.setNodes(options.preferredNodes());
            RankedNode option = select(tg, without);
            source.setNodes(original);
            return option != null ? option : select(tg, without);
        }

        maxScore.reset();
        ctx.reset();

        TaskGroupConstraints tgc = TaskGroupConstraints.of(tg);
        taskGroupDrivers.setDrivers(tgc.drivers());
        taskGroupConstraint.setConstraints(tgc.constraints());
        taskGroupDevices.setTaskGroup(tg);
        taskGroupHostVolumes.setVolumes(tg.volumes);
        distinctHosts.setTaskGroup(tg);
        distinctProperty.setTaskGroup(tg);
        wrappedChecks.setTaskGroup(tg.name);
        binPack.setTaskGroup(tg);
        if (options != null) {
            binPack.setEvict(options.preempt());
        }
        jobAntiAff.setTaskGroup(tg);
        if (options != null) {
            reschedulingPenalty.setPenaltyNodes(options.penaltyNodeIds());
        }
        nodeAffinity.setTaskGroup(tg);
        spread.setTaskGroup(tg);
        if (nodeAffinity.hasAffinities() || spread.hasSpreads()) {
            limit.setLimit(Integer.MAX_VALUE);
        }
        return maxScore.next();
    }
}

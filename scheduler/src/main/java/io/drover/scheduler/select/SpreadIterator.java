package io.drover.scheduler.select;

import io.drover.model.Job;
import io.drover.model.Spread;
import io.drover.model.SpreadTarget;
import io.drover.model.TaskGroup;
import io.drover.model.node.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores nodes by the job's and group's spreads (Nomad's {@code SpreadIterator}), recorded as
 * {@code allocation-spread}. With targets, a node whose attribute value is below its desired
 * share scores up to the spread's weight share, one above it scores negative; values not named
 * share what the targets leave ({@value #IMPLICIT_TARGET}). Without targets, values are evened
 * out: the least used value scores up, the others down. A node missing the attribute scores -1
 * per spread.
 *
 * <p>As in Nomad, the sum of spread weights keeps growing with each group set up, so a job's
 * later groups see smaller shares.
 */
final class SpreadIterator implements RankIterator {
    static final String IMPLICIT_TARGET = "*";

    private final EvalContext ctx;
    private final RankIterator source;
    private Job job;
    private TaskGroup tg;
    private List<Spread> jobSpreads = List.of();
    private final Map<String, Map<String, SpreadInfo>> tgSpreadInfo = new HashMap<>();
    private int sumSpreadWeights;
    private boolean hasSpread;
    private final Map<String, List<PropertySet>> groupPropertySets = new HashMap<>();

    private record SpreadInfo(int weight, Map<String, Double> desiredCounts) {
    }

    SpreadIterator(EvalContext ctx, RankIterator source) {
        this.ctx = ctx;
        this.source = source;
    }

    void setJob(Job job) {
        this.job = job;
        if (job.spreads != null) {
            jobSpreads = job.spreads;
        }
    }

    void setTaskGroup(TaskGroup tg) {
        this.tg = tg;
        if (!groupPropertySets.containsKey(tg.name)) {
            List<PropertySet> sets = new ArrayList<>();
            List<Spread> all = new ArrayList<>(jobSpreads);
            if (tg.spreads != null) {
                all.addAll(tg.spreads);
            }
            for (Spread s : all) {
                PropertySet ps = new PropertySet(ctx, job);
                ps.setTargetAttribute(s.attribute, tg.name);
                sets.add(ps);
            }
            groupPropertySets.put(tg.name, sets);
        }
        hasSpread = !groupPropertySets.get(tg.name).isEmpty();
        if (!tgSpreadInfo.containsKey(tg.name)) {
            computeSpreadInfo(tg);
        }
    }

    boolean hasSpreads() {
        return hasSpread;
    }

    @Override
    public RankedNode next() {
        RankedNode option = source.next();
        if (option == null || !hasSpread) {
            return option;
        }
        double total = 0;
        for (PropertySet pset : groupPropertySets.get(tg.name)) {
            PropertySet.Used used = pset.usedCount(option.node);
            if (used.error() != null) {
                total -= 1.0;
                continue;
            }
            long usedCount = used.count() + 1;
            SpreadInfo info = tgSpreadInfo.get(tg.name).get(pset.targetAttribute());
            if (info.desiredCounts().isEmpty()) {
                total += evenSpreadScoreBoost(pset, option.node);
                continue;
            }
            Double desired = info.desiredCounts().get(used.value());
            if (desired == null) {
                desired = info.desiredCounts().get(IMPLICIT_TARGET);
                if (desired == null) {
                    total -= 1.0;
                    continue;
                }
            }
            double weightShare = (double) info.weight() / sumSpreadWeights;
            total += ((desired - usedCount) / desired) * weightShare;
        }
        if (total != 0.0) {
            option.scores.add(total);
            ctx.metrics().scoreNode(option.node, "allocation-spread", total);
        }
        return option;
    }

    /**
     * Nomad's evenSpreadScoreBoost: how much using this node's value would even out the counts
     * (Nomad's arithmetic, unsigned differences included).
     */
    static double evenSpreadScoreBoost(PropertySet pset, Node option) {
        Map<String, Long> combined = pset.combinedUseMap();
        if (combined.isEmpty()) {
            return 0.0;
        }
        String value = NodeTargets.property(option, pset.targetAttribute());
        if (value == null) {
            return -1.0;
        }
        long current = combined.getOrDefault(value, 0L);
        long min = 0;
        long max = 0;
        for (long v : combined.values()) {
            if (min == 0 || v < min) {
                min = v;
            }
            if (max == 0 || v > max) {
                max = v;
            }
        }
        double deltaBoost = min == 0 ? -1.0 : (double) (min - current) / min;
        if (current != min) {
            return deltaBoost;
        } else if (min == max) {
            return -1.0;
        } else if (min == 0) {
            return 1.0;
        }
        return (double) (max - min) / min;
    }

    private void computeSpreadInfo(TaskGroup tg) {
        Map<String, SpreadInfo> infos = new HashMap<>();
        int totalCount = tg.count == null ? 0 : tg.count;
        List<Spread> combined = new ArrayList<>();
        if (tg.spreads != null) {
            combined.addAll(tg.spreads);
        }
        combined.addAll(jobSpreads);
        for (Spread s : combined) {
            int weight = s.weight == null ? 0 : s.weight;
            Map<String, Double> desired = new HashMap<>();
            double sumDesired = 0;
            for (SpreadTarget t : s.spreadTarget == null ? List.<SpreadTarget>of() : s.spreadTarget) {
                double d = ((t.percent == null ? 0 : t.percent) / 100.0) * totalCount;
                desired.put(t.value, d);
                sumDesired += d;
            }
            if (sumDesired > 0 && sumDesired < totalCount) {
                desired.put(IMPLICIT_TARGET, totalCount - sumDesired);
            }
            infos.put(s.attribute, new SpreadInfo(weight, desired));
            sumSpreadWeights += weight;
        }
        tgSpreadInfo.put(tg.name, infos);
    }

    @Override
    public void reset() {
        source.reset();
        groupPropertySets.values().forEach(sets -> sets.forEach(PropertySet::populateProposed));
    }
}

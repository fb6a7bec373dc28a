package io.drover.scheduler.select;

import io.drover.model.alloc.AllocMetric;
import io.drover.model.alloc.Allocation;
import io.drover.model.scheduling.Plan;
import io.drover.model.version.VersionConstraints;
import io.drover.state.StateReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one scheduler run shares between its stacks and iterators (Nomad's {@code EvalContext}):
 * the state view, the plan being built, and the metrics of the current selection. It also
 * keeps what stays true for the whole run: which node classes are eligible
 * ({@link #eligibility()}), compiled regexps and version constraints, each node's live
 * allocations in the state view, and the random source dynamic ports are drawn from.
 */
public class EvalContext {
    private final StateReader state;
    private final Plan plan;
    private final Random random;
    private AllocMetric metrics = new AllocMetric();
    private EvalEligibility eligibility;
    private final Map<String, Optional<Pattern>> regexps = new HashMap<>();
    private final Map<String, Optional<VersionConstraints>> versionConstraints = new HashMap<>();
    private final Map<String, Optional<VersionConstraints>> semverConstraints = new HashMap<>();
    /** Each node's live allocations in {@link #state}, read once: the view never changes, only the plan does. */
    private final Map<String, List<Allocation>> liveAllocs = new HashMap<>();

    /** A context whose port picks are seeded from the plan's evaluation ID, so a run repeats exactly. */
    public EvalContext(StateReader state, Plan plan) {
        this(state, plan, new Random(NodeShuffle.seedOf(plan.evalId)));
    }

    public EvalContext(StateReader state, Plan plan, Random random) {
        this.state = state;
        this.plan = plan;
        this.random = random;
    }

    public StateReader state() {
        return state;
    }

    public Plan plan() {
        return plan;
    }

    public AllocMetric metrics() {
        return metrics;
    }

    /** Starts a fresh selection: new metrics. Class eligibility is kept for the whole run. */
    public void reset() {
        metrics = new AllocMetric();
    }

    /** Where dynamic ports are drawn from. */
    public Random random() {
        return random;
    }

    /** Which computed classes were found (in)eligible for the job and its groups during this run. */
    public EvalEligibility eligibility() {
        if (eligibility == null) {
            eligibility = new EvalEligibility();
        }
        return eligibility;
    }

    /** The compiled expression, or null if it does not compile. */
    Pattern regexp(String expr) {
        return regexps.computeIfAbsent(expr, e -> {
            try {
                return Optional.of(Pattern.compile(e));
            } catch (PatternSyntaxException ex) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    VersionConstraints versionConstraints(String expr) {
        return versionConstraints.computeIfAbsent(expr, e -> Optional.ofNullable(VersionConstraints.parseVersion(e)))
                .orElse(null);
    }

    VersionConstraints semverConstraints(String expr) {
        return semverConstraints.computeIfAbsent(expr, e -> Optional.ofNullable(VersionConstraints.parseSemver(e)))
                .orElse(null);
    }

    /**
     * The allocations {@code nodeId} would run if the plan so far were applied: its
     * non-terminal allocations, minus those the plan stops or preempts, plus those it places
     * (an in-place update replaces the allocation it updates).
     */
    public List<Allocation> proposedAllocs(String nodeId) {
        Set<String> removed = new HashSet<>();
        for (Allocation a : plan.nodeUpdate.getOrDefault(nodeId, List.of())) {
            removed.add(a.id);
        }
        for (Allocation a : plan.nodePreemptions.getOrDefault(nodeId, List.of())) {
            removed.add(a.id);
        }
        List<Allocation> placed = plan.nodeAllocation.getOrDefault(nodeId, List.of());
        for (Allocation a : placed) {
            removed.add(a.id);
        }
        // Every placement visits a few nodes; reading (and decoding) a node's allocations once
        // per run rather than once per visit is most of what a placement costs.
        List<Allocation> live = liveAllocs.computeIfAbsent(nodeId, state::allocationsOfNodeForFit);
        List<Allocation> out = new ArrayList<>(live.size() + placed.size());
        for (Allocation a : live) {
            if (!removed.contains(a.id)) {
                out.add(a);
            }
        }
        out.addAll(placed);
        return out;
    }
}

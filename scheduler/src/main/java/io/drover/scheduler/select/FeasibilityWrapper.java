package io.drover.scheduler.select;

import io.drover.model.node.Node;
import java.util.List;

/**
 * Runs the job's and the group's feasibility checks once per computed class (Nomad's
 * {@code FeasibilityWrapper}): a node of a class already found ineligible is filtered as
 * {@value #FILTER_CLASS_INELIGIBLE} without checking, and a node of a class already found
 * eligible for the group skips the checks too. Classes are recorded only when the constraints
 * do not escape them (see {@link EvalEligibility}). The "available" checks depend on more than
 * the class and run for every node.
 */
final class FeasibilityWrapper implements FeasibleIterator {
    static final String FILTER_CLASS_INELIGIBLE = "computed class ineligible";

    private final EvalContext ctx;
    private final FeasibleIterator source;
    private final List<FeasibilityChecker> jobCheckers;
    private final List<FeasibilityChecker> tgCheckers;
    private final List<FeasibilityChecker> tgAvailable;
    private String tg = "";

    FeasibilityWrapper(EvalContext ctx, FeasibleIterator source, List<FeasibilityChecker> jobCheckers,
            List<FeasibilityChecker> tgCheckers, List<FeasibilityChecker> tgAvailable) {
        this.ctx = ctx;
        this.source = source;
        this.jobCheckers = jobCheckers;
        this.tgCheckers = tgCheckers;
        this.tgAvailable = tgAvailable;
    }

    void setTaskGroup(String tg) {
        this.tg = tg;
    }

    @Override
    public void reset() {
        source.reset();
    }

    @Override
    public Node next() {
        EvalEligibility elig = ctx.eligibility();
        outer:
        while (true) {
            Node option = source.next();
            if (option == null) {
                return null;
            }
            String cls = option.computedClass;

            EvalEligibility.Status jobStatus = elig.jobStatus(cls);
            if (jobStatus == EvalEligibility.Status.INELIGIBLE) {
                ctx.metrics().filterNode(option, FILTER_CLASS_INELIGIBLE);
                continue;
            }
            boolean jobEscaped = jobStatus == EvalEligibility.Status.ESCAPED;
            boolean jobUnknown = jobStatus == EvalEligibility.Status.UNKNOWN;
            for (FeasibilityChecker check : jobCheckers) {
                if (!check.feasible(option)) {
                    if (!jobEscaped) {
                        elig.setJobEligibility(false, cls);
                    }
                    continue outer;
                }
            }
            if (!jobEscaped && jobUnknown) {
                elig.setJobEligibility(true, cls);
            }

            EvalEligibility.Status tgStatus = elig.taskGroupStatus(tg, cls);
            switch (tgStatus) {
                case INELIGIBLE -> {
                    ctx.metrics().filterNode(option, FILTER_CLASS_INELIGIBLE);
                    continue outer;
                }
                case ELIGIBLE -> {
                    // As Nomad: a node of an eligible class that is not available ends the walk.
                    return available(option) ? option : null;
                }
                default -> {
                }
            }
            boolean tgEscaped = tgStatus == EvalEligibility.Status.ESCAPED;
            boolean tgUnknown = tgStatus == EvalEligibility.Status.UNKNOWN;
            for (FeasibilityChecker check : tgCheckers) {
                if (!check.feasible(option)) {
                    if (!tgEscaped) {
                        elig.setTaskGroupEligibility(false, tg, cls);
                    }
                    continue outer;
                }
            }
            if (!tgEscaped && tgUnknown) {
                elig.setTaskGroupEligibility(true, tg, cls);
            }
            if (!available(option)) {
                continue;
            }
            return option;
        }
    }

    private boolean available(Node option) {
        for (FeasibilityChecker check : tgAvailable) {
            if (!check.feasible(option)) {
                return false;
            }
        }
        return true;
    }
}

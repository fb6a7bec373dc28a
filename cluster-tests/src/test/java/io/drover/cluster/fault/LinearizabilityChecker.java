package io.drover.cluster.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a recorded concurrent history is linearizable with respect to a sequential
 * {@link Model}: whether every completed operation, and any subset of the operations whose outcome
 * is unknown, can be put in one order that respects real time (an operation that completed
 * before another was invoked comes first) and in which every answer is one the model allows.
 *
 * <p>The history is split by {@link Model#partitionKey} and each key is searched on its own
 * ({@link WglSearch}); a history is linearizable exactly when every key's part is
 * (P-compositionality). Each key's search is bounded by a node budget, so a pathological history
 * yields {@link CheckResult.Verdict#UNKNOWN} instead of hanging; memory grows with the nodes
 * explored (on the order of a hundred bytes each).
 */
public final class LinearizabilityChecker {
    /** Enough for thousands of operations per key at the concurrency of a test; a few hundred MB at worst. */
    public static final long DEFAULT_NODE_BUDGET = 1_000_000;
    private static final int FAILURES_EXPLAINED = 3;

    private final long nodeBudgetPerKey;

    public LinearizabilityChecker() {
        this(DEFAULT_NODE_BUDGET);
    }

    public LinearizabilityChecker(long nodeBudgetPerKey) {
        if (nodeBudgetPerKey <= 0) {
            throw new IllegalArgumentException("node budget must be positive: " + nodeBudgetPerKey);
        }
        this.nodeBudgetPerKey = nodeBudgetPerKey;
    }

    public <S, I, O> CheckResult check(Model<S, I, O> model, History<I, O> history) {
        Map<Object, List<Operation<I, O>>> byKey = new LinkedHashMap<>();
        for (Operation<I, O> op : history.operations()) {
            byKey.computeIfAbsent(model.partitionKey(op.input()), k -> new ArrayList<>()).add(op);
        }
        long origin = history.operations().isEmpty() ? 0 : history.operations().get(0).invokedAt();
        long nodes = 0;
        List<String> failures = new ArrayList<>();
        int failed = 0;
        List<String> exhausted = new ArrayList<>();
        for (Map.Entry<Object, List<Operation<I, O>>> part : byKey.entrySet()) {
            WglSearch<S, I, O> search = new WglSearch<>(model, part.getValue(), nodeBudgetPerKey);
            WglSearch.Result result = search.run();
            nodes += search.nodes();
            if (result == WglSearch.Result.NOT_LINEARIZABLE) {
                if (++failed <= FAILURES_EXPLAINED) {
                    failures.add(new FailureReport<>(model, search, part.getKey(), part.getValue(), origin).render());
                }
            } else if (result == WglSearch.Result.BUDGET_EXHAUSTED) {
                exhausted.add("key " + part.getKey() + " (" + part.getValue().size() + " operations)");
            }
        }
        if (failed > 0) {
            StringBuilder text = new StringBuilder();
            text.append(failed).append(" of ").append(byKey.size()).append(" keys not linearizable");
            if (failed > FAILURES_EXPLAINED) {
                text.append(" (the first ").append(FAILURES_EXPLAINED).append(" explained)");
            }
            text.append(exhausted.isEmpty() ? "" : "; search gave up on " + exhausted).append('\n');
            failures.forEach(f -> text.append(f).append('\n'));
            return new CheckResult(CheckResult.Verdict.NOT_LINEARIZABLE, text.toString(), nodes, byKey.size());
        }
        if (!exhausted.isEmpty()) {
            return new CheckResult(CheckResult.Verdict.UNKNOWN, "node budget of " + nodeBudgetPerKey
                    + " per key exhausted on " + exhausted, nodes, byKey.size());
        }
        return new CheckResult(CheckResult.Verdict.LINEARIZABLE, "", nodes, byKey.size());
    }
}

package io.drover.cluster.fault;

/**
 * What the {@link LinearizabilityChecker} concluded about a history.
 *
 * @param verdict linearizable, not, or unknown (the search ran out of its node budget)
 * @param explanation for a history that is not linearizable: per failing key, the longest
 *     linearizable prefix found and the operations that could not be placed after it; for an
 *     unknown verdict, which keys were given up on; empty for a linearizable history
 * @param nodesExplored model steps the search tried, over all keys
 * @param partitions how many independent keys the history was split into
 */
public record CheckResult(Verdict verdict, String explanation, long nodesExplored, int partitions) {

    public enum Verdict {
        LINEARIZABLE, NOT_LINEARIZABLE, UNKNOWN
    }

    public boolean isLinearizable() {
        return verdict == Verdict.LINEARIZABLE;
    }

    @Override
    public String toString() {
        return verdict + " (" + partitions + " keys, " + nodesExplored + " nodes)"
                + (explanation.isEmpty() ? "" : "\n" + explanation);
    }
}

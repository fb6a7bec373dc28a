package io.drover.cluster.fault;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Explains why one key's operations are not linearizable, for a human: the longest linearizable
 * prefix the search found (its tail, with the state after each operation), and the operations
 * one of which had to come next (those invoked before the earliest completion among the rest),
 * each with whether the model refuses it in that state or whether nothing could follow it.
 * Operations whose answer was lost are optional, so they are shown after the answered ones and
 * only if they could still take effect.
 */
final class FailureReport<S, I, O> {
    private static final int PREFIX_SHOWN = 15;
    private static final int CANDIDATES_SHOWN = 12;

    private final Model<S, I, O> model;
    private final WglSearch<S, I, O> search;
    private final Object key;
    private final List<Operation<I, O>> ops;
    private final long origin;

    FailureReport(Model<S, I, O> model, WglSearch<S, I, O> search, Object key, List<Operation<I, O>> ops, long origin) {
        this.model = model;
        this.search = search;
        this.key = key;
        this.ops = ops;
        this.origin = origin;
    }

    String render() {
        int[] prefix = search.longestPrefix();
        StringBuilder out = new StringBuilder();
        out.append("key ").append(key).append(": ").append(ops.size()).append(" operations; the longest linearizable prefix places ")
                .append(prefix.length).append(":\n");
        Set<S> states = Set.of(model.initialState());
        BitSet placed = new BitSet(ops.size());
        for (int i = 0; i < prefix.length; i++) {
            states = search.step(states, ops.get(prefix[i]));
            placed.set(prefix[i]);
            if (i == prefix.length - PREFIX_SHOWN && i > 0) {
                out.append("    … ").append(i).append(" earlier operations\n");
            }
            if (i >= prefix.length - PREFIX_SHOWN) {
                out.append("    ").append(describe(prefix[i])).append("   => ").append(show(states)).append('\n');
            }
        }
        if (prefix.length == 0) {
            out.append("    (none) in ").append(show(states)).append('\n');
        }
        appendStuck(out, states, placed);
        return out.toString();
    }

    /**
     * The operations not placed that were invoked before the earliest answer among them: one of
     * the answered ones had to come next.
     */
    private void appendStuck(StringBuilder out, Set<S> states, BitSet placed) {
        long deadline = Long.MAX_VALUE;
        for (int i = placed.nextClearBit(0); i < ops.size(); i = placed.nextClearBit(i + 1)) {
            if (ops.get(i).isCompleted()) {
                deadline = Math.min(deadline, ops.get(i).completedAt());
            }
        }
        List<Integer> candidates = new ArrayList<>();
        List<Integer> lost = new ArrayList<>();
        int obsolete = 0;
        for (int i = placed.nextClearBit(0); i < ops.size(); i = placed.nextClearBit(i + 1)) {
            Operation<I, O> op = ops.get(i);
            if (op.invokedAt() > deadline) {
                continue;
            }
            if (op.isCompleted()) {
                candidates.add(i);
            } else if (couldTakeEffect(states, op)) {
                lost.add(i);
            } else {
                obsolete++;
            }
        }
        candidates.addAll(lost);
        out.append("  then none of these could come next, and one of the answered ones had to:\n");
        for (int n = 0; n < candidates.size(); n++) {
            if (n == CANDIDATES_SHOWN) {
                out.append("    … ").append(candidates.size() - n).append(" more\n");
                break;
            }
            int i = candidates.get(n);
            boolean possible = !search.step(states, ops.get(i)).isEmpty();
            out.append("    ").append(describe(i)).append(possible ? "   (allowed here, but nothing could follow it)"
                    : "   (impossible in this state)").append('\n');
        }
        if (obsolete > 0) {
            out.append("  (").append(obsolete).append(" operations whose answer was lost can no longer take effect: not shown)\n");
        }
    }

    private boolean couldTakeEffect(Set<S> states, Operation<I, O> op) {
        return states.stream().anyMatch(st -> !model.cannotTakeEffectFrom(st, op.input()));
    }

    private String describe(int i) {
        Operation<I, O> op = ops.get(i);
        return String.format(Locale.ROOT, "[client %d] %s -> %s   [%s .. %s]", op.client(), op.input(),
                op.isCompleted() ? op.output() : "? (outcome unknown)", millis(op.invokedAt()),
                op.isCompleted() ? millis(op.completedAt()) : "∞");
    }

    private String millis(long t) {
        return String.format(Locale.ROOT, "%.3f ms", (t - origin) / 1e6);
    }

    private String show(Set<S> states) {
        return states.size() == 1 ? String.valueOf(states.iterator().next()) : "one of " + states;
    }
}

package io.drover.cluster.fault;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Linearizability by its definition, for checking the checker on small histories: tries every
 * order of the operations in which no operation comes before one that completed before it was
 * invoked, leaving out any operations whose outcome is unknown, and asks whether one of them is
 * a run of the model. Exponential; shares no code with {@link WglSearch}.
 */
final class BruteForceLinearizability {
    private BruteForceLinearizability() {
    }

    static <S, I, O> boolean isLinearizable(Model<S, I, O> model, List<Operation<I, O>> ops) {
        return search(model, new ArrayList<>(ops), Set.of(model.initialState()));
    }

    private static <S, I, O> boolean search(Model<S, I, O> model, List<Operation<I, O>> remaining, Set<S> states) {
        if (remaining.stream().noneMatch(Operation::isCompleted)) {
            return true;
        }
        for (int i = 0; i < remaining.size(); i++) {
            Operation<I, O> next = remaining.get(i);
            if (mustFollowAnother(next, remaining)) {
                continue;
            }
            Set<S> after = new HashSet<>();
            for (S s : states) {
                after.addAll(next.isCompleted() ? model.step(s, next.input(), next.output())
                        : model.stepUnknown(s, next.input()));
            }
            if (after.isEmpty()) {
                continue;
            }
            List<Operation<I, O>> rest = new ArrayList<>(remaining);
            rest.remove(i);
            if (search(model, rest, after)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some other remaining operation completed strictly before {@code op} was invoked. */
    private static <I, O> boolean mustFollowAnother(Operation<I, O> op, List<Operation<I, O>> remaining) {
        for (Operation<I, O> other : remaining) {
            if (other != op && other.isCompleted() && other.completedAt() < op.invokedAt()) {
                return true;
            }
        }
        return false;
    }
}

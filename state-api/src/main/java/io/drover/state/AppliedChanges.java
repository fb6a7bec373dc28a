package io.drover.state;

import io.drover.model.scheduling.Evaluation;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one applied command means for the leader's scheduling services: the evaluations it
 * stored (the command's own, with their indexes stamped) and the computed node classes on which
 * capacity may have appeared (a node became ready or eligible, an allocation stopped using its
 * node). Blocked evaluations waiting for one of those classes can be retried.
 *
 * @param index the log index of the entry the command belongs to
 * @param evals the evaluations the command upserted, in the order it stored them
 * @param capacityClasses computed classes of nodes that may have capacity now, in the order found
 */
public record AppliedChanges(long index, List<Evaluation> evals, Set<String> capacityClasses) {
    public AppliedChanges {
        evals = List.copyOf(Objects.requireNonNull(evals, "evals"));
        capacityClasses = Collections.unmodifiableSet(
                new LinkedHashSet<>(Objects.requireNonNull(capacityClasses, "capacityClasses")));
    }

    /** Whether there is nothing to tell. */
    public boolean isEmpty() {
        return evals.isEmpty() && capacityClasses.isEmpty();
    }
}

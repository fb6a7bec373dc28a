package io.drover.scheduler.reconcile;

import io.drover.model.alloc.Allocation;
import io.drover.model.scheduling.DesiredUpdates;
import io.drover.model.scheduling.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the reconciler decided for a job (Nomad's {@code reconcileResults}): placements,
 * destructive and in-place updates, stops, allocations whose FollowupEvalID must be set, the
 * per-group counts for plan annotations, and the delayed evaluations to create.
 */
public final class ReconcileResults {
    public final List<AllocPlaceResult> place = new ArrayList<>();
    public final List<AllocDestructiveResult> destructiveUpdate = new ArrayList<>();
    public final List<Allocation> inplaceUpdate = new ArrayList<>();
    public final List<AllocStopResult> stop = new ArrayList<>();
    /** Allocations to write back with a new FollowupEvalID, by ID. */
    public final Map<String, Allocation> attributeUpdates = new LinkedHashMap<>();
    /** By task group name, sorted as Nomad's JSON writes map keys. */
    public final Map<String, DesiredUpdates> desiredTgUpdates = new TreeMap<>();
    /** Delayed evaluations (WaitUntil set) by task group name. */
    public final Map<String, List<Evaluation>> desiredFollowupEvals = new TreeMap<>();

    /** Nomad's Changes: how many placements, in-place updates and stops there are. */
    public int changes() {
        return place.size() + inplaceUpdate.size() + stop.size();
    }

    @Override
    public String toString() {
        return "Total changes: (place " + place.size() + ") (destructive " + destructiveUpdate.size() + ") (inplace "
                + inplaceUpdate.size() + ") (stop " + stop.size() + ") " + desiredTgUpdates;
    }
}

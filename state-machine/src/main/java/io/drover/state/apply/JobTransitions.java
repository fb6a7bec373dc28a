package io.drover.state.apply;

import io.drover.model.Job;

/** The changes a job update may not make (Nomad's validateJobUpdate), with Nomad's messages. */
final class JobTransitions {
    private JobTransitions() {
    }

    /** Why {@code updated} may not replace {@code old} (null if it is new), or null if it may. */
    static String check(Job old, Job updated) {
        boolean newDispatched = Boolean.TRUE.equals(updated.dispatched);
        if (old == null) {
            return newDispatched ? "job can't be submitted with 'Dispatched' set" : null;
        }
        if (!old.type.equals(updated.type)) {
            return "cannot update job from type \"" + old.type + "\" to \"" + updated.type + "\"";
        }
        if (old.isPeriodic() && !updated.isPeriodic()) {
            return "cannot update periodic job to being non-periodic";
        }
        if (updated.isPeriodic() && !old.isPeriodic()) {
            return "cannot update non-periodic job to being periodic";
        }
        // Nomad 0.11 swaps these two messages; we say what actually happened.
        if (old.isParameterized() && !updated.isParameterized()) {
            return "cannot update parameterized job to being non-parameterized";
        }
        if (updated.isParameterized() && !old.isParameterized()) {
            return "cannot update non-parameterized job to being parameterized";
        }
        if (Boolean.TRUE.equals(old.dispatched) != newDispatched) {
            return "field 'Dispatched' is read-only";
        }
        return null;
    }
}

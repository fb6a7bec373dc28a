package io.drover.model.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.model.Job;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoZero;
import io.drover.model.json.NomadJson;
import java.util.Comparator;

/** Comparisons of job specifications, as Nomad's register makes them. */
public final class JobSpecs {
    private static final String[] SERVER_SET = {"Status", "StatusDescription", "Stable", "Version", "SubmitTime",
            "CreateIndex", "ModifyIndex", "JobModifyIndex"};

    /** Numbers are equal by value, whatever Java type holds them (driver config may mix Integer and Long). */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JobSpecs() {
    }

    /**
     * Whether {@code updated} differs from {@code existing} in anything but the fields the servers
     * set (status, description, stability, version, submit time, indexes), as Nomad's
     * {@code Job.SpecChanged}; a register of an unchanged job keeps its version. Everything else
     * counts, scaling policy IDs and indexes included, as in Nomad: the register path copies the
     * previous version's policy IDs first ({@link ScalingPolicyIds#propagate}).
     *
     * <p>Nomad compares with Go's reflect.DeepEqual after a Copy that turns some empty lists of
     * the new job into nil; an empty list and null therefore differ here exactly when they are
     * written differently, which avoids that quirk's spurious new versions.
     */
    public static boolean specChanged(Job existing, Job updated) {
        if (existing == null) {
            return updated != null;
        }
        if (updated == null) {
            return true;
        }
        return !specOf(existing).equals(SAME_VALUE, specOf(updated));
    }

    /**
     * Nomad's validateJobUpdate: the change a register may not make to an existing job (its type,
     * whether it is periodic or parameterized, Dispatched), or null when there is none.
     * {@code existing} is null for a new job.
     */
    public static String updateError(Job existing, Job updated) {
        if (existing == null) {
            return Boolean.TRUE.equals(updated.dispatched) ? "job can't be submitted with 'Dispatched' set" : null;
        }
        if (!GoZero.str(existing.type).equals(GoZero.str(updated.type))) {
            return "cannot update job from type " + GoFmt.quote(GoZero.str(existing.type)) + " to "
                    + GoFmt.quote(GoZero.str(updated.type));
        }
        if (existing.isPeriodic() && !updated.isPeriodic()) {
            return "cannot update periodic job to being non-periodic";
        }
        if (updated.isPeriodic() && !existing.isPeriodic()) {
            return "cannot update non-periodic job to being periodic";
        }
        // Nomad 0.11 swaps these two messages; we say what actually happened.
        if (existing.isParameterized() && !updated.isParameterized()) {
            return "cannot update parameterized job to being non-parameterized";
        }
        if (updated.isParameterized() && !existing.isParameterized()) {
            return "cannot update non-parameterized job to being parameterized";
        }
        if (GoZero.bool(existing.dispatched) != GoZero.bool(updated.dispatched)) {
            return "field 'Dispatched' is read-only";
        }
        return null;
    }

    private static JsonNode specOf(Job job) {
        ObjectNode node = NomadJson.mapper().valueToTree(job);
        for (String f : SERVER_SET) {
            node.remove(f);
        }
        return node;
    }
}

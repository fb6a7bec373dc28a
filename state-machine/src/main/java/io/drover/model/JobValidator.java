package io.drover.model;

import java.util.ArrayList;
import java.util.List;

/** Nomad's job validation ({@code structs.Job.Validate}), with Nomad's messages. */
public final class JobValidator {
    private JobValidator() {
    }

    /** Every problem with a canonicalized job, in Nomad's order; empty if it is valid. */
    public static List<String> validate(Job job) {
        List<String> errors = new ArrayList<>();
        if (job.datacenters == null || job.datacenters.isEmpty()) {
            errors.add("Missing job datacenters");
        }
        if (job.taskGroups == null || job.taskGroups.isEmpty()) {
            errors.add("Missing job task groups");
        }
        return errors;
    }
}

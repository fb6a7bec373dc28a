package io.drover.model.validate;

import static io.drover.model.json.GoZero.bool;
import static io.drover.model.json.GoZero.num;
import static io.drover.model.json.GoZero.str;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoZero;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nomad's job validation, with Nomad's messages, nesting and order. {@link #validate(Job)} is
 * what a register checks (the register RPC's validators, around {@code structs.Job.Validate});
 * {@link #validateSpec(Job)} is {@code structs.Job.Validate} alone. Both expect a canonicalized
 * job; {@link MultiError#format(List)} of a non-empty result is Nomad's error text.
 */
public final class JobValidator {
    private JobValidator() {
    }

    /** Every problem that makes a register fail, in Nomad's order; empty if the job may be registered. */
    public static List<String> validate(Job job) {
        Errs errs = new Errs();
        String connect = RegisterChecks.connect(job);
        if (connect != null) {
            errs.add(connect);
        }
        String expose = RegisterChecks.exposedChecks(job);
        if (expose != null) {
            errs.add(expose);
        }
        errs.flatten(validateSpec(job));
        if (Job.TYPE_CORE.equals(job.type)) {
            errs.add("job type cannot be core");
        }
        if (job.payload != null && job.payload.length != 0) {
            errs.add("job can't be submitted with a payload, only dispatched");
        }
        return errs.list();
    }

    /** Nomad's {@code structs.Job.Validate}: the top-level entries of its multierror. */
    public static List<String> validateSpec(Job j) {
        Errs errs = new Errs();
        String type = str(j.type);
        if (str(j.region).isEmpty()) {
            errs.add("Missing job region");
        }
        if (str(j.id).isEmpty()) {
            errs.add("Missing job ID");
        } else if (j.id.contains(" ")) {
            errs.add("Job ID contains a space");
        }
        if (str(j.name).isEmpty()) {
            errs.add("Missing job name");
        }
        if (str(j.namespace).isEmpty()) {
            errs.add("Job must be in a namespace");
        }
        switch (type) {
            case Job.TYPE_CORE, Job.TYPE_SERVICE, Job.TYPE_BATCH, Job.TYPE_SYSTEM -> {
            }
            case "" -> errs.add("Missing job type");
            default -> errs.add("Invalid job type: " + GoFmt.quote(type));
        }
        int priority = num(j.priority);
        if (priority < Job.MIN_PRIORITY || priority > Job.MAX_PRIORITY) {
            errs.add("Job priority must be between [" + Job.MIN_PRIORITY + ", " + Job.MAX_PRIORITY + "]");
        }
        if (j.datacenters == null || j.datacenters.isEmpty()) {
            errs.add("Missing job datacenters");
        } else {
            for (String dc : j.datacenters) {
                if (str(dc).isEmpty()) {
                    errs.add("Job datacenter must be non-empty string");
                }
            }
        }
        if (j.taskGroups == null || j.taskGroups.isEmpty()) {
            errs.add("Missing job task groups");
        }
        PlacementRules.constraints(errs, j.constraints);
        PlacementRules.affinities(errs, j.affinities, type);
        PlacementRules.spreads(errs, j.spreads, type);

        List<TaskGroup> groups = GoZero.list(j.taskGroups);
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            TaskGroup tg = groups.get(i);
            String name = str(tg.name);
            if (name.isEmpty()) {
                errs.add("Job task group " + (i + 1) + " missing name");
            } else if (names.containsKey(name)) {
                errs.add("Job task group " + (i + 1) + " redefines '" + name + "' from group " + (names.get(name) + 1));
            } else {
                names.put(name, i);
            }
            if (tg.shutdownDelay != null && tg.shutdownDelay < 0) {
                errs.add("ShutdownDelay must be a positive value");
            }
            if (tg.stopAfterClientDisconnect != null && tg.stopAfterClientDisconnect < 0) {
                errs.add("StopAfterClientDisconnect must be a positive value");
            }
            if (Job.TYPE_SYSTEM.equals(type) && num(tg.count) > 1) {
                errs.add("Job task group " + name + " has count " + num(tg.count)
                        + ". Count cannot exceed 1 with system scheduler");
            }
        }
        for (TaskGroup tg : groups) {
            errs.wrap("Task group " + str(tg.name) + " validation failed: ", TaskGroupValidator.validate(tg, j));
        }
        if (j.isPeriodic() && bool(j.periodic.enabled)) {
            if (!Job.TYPE_BATCH.equals(type)) {
                errs.add("Periodic can only be used with \"batch\" scheduler");
            }
            errs.nest(LaunchRules.periodic(j.periodic));
        }
        if (j.isParameterized()) {
            if (!Job.TYPE_BATCH.equals(type)) {
                errs.add("Parameterized job can only be used with \"batch\" scheduler");
            }
            errs.nest(LaunchRules.parameterized(j.parameterizedJob));
        }
        return errs.list();
    }
}

package io.drover.model.validate;

import static io.drover.model.json.GoZero.num;
import static io.drover.model.json.GoZero.str;

import io.drover.model.Affinity;
import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.RequestedDevice;
import io.drover.model.Spread;
import io.drover.model.SpreadTarget;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoStrconv;
import io.drover.model.json.GoZero;
import io.drover.model.version.VersionConstraints;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Nomad's validation of placement rules: {@code Constraint.Validate}, {@code Affinity.Validate},
 * {@code Spread.Validate} and {@code RequestedDevice.Validate}, each returning the entries of its
 * multierror (empty when valid), with Nomad's texts.
 */
final class PlacementRules {
    private static final Set<String> COMPARISONS = Set.of("=", "==", "is", "!=", "not", "<", "<=", ">", ">=");

    private PlacementRules() {
    }

    static List<String> constraint(Constraint c) {
        Errs errs = new Errs();
        String operand = str(c.operand);
        String rTarget = str(c.rTarget);
        if (operand.isEmpty()) {
            errs.add("Missing constraint operand");
        }
        boolean requireLTarget = true;
        switch (operand) {
            case Constraint.DISTINCT_HOSTS -> requireLTarget = false;
            case Constraint.SET_CONTAINS_ALL, Constraint.SET_CONTAINS_ANY, Constraint.SET_CONTAINS -> {
                if (rTarget.isEmpty()) {
                    errs.add("Set contains constraint requires an RTarget");
                }
            }
            case Constraint.REGEX, Constraint.VERSION, Constraint.SEMVER -> checkPattern(operand, rTarget, "constraint", errs);
            case Constraint.DISTINCT_PROPERTY -> {
                if (!rTarget.isEmpty()) {
                    String err = GoStrconv.parseUintError(rTarget, 10, 64);
                    if (err != null) {
                        errs.add("Failed to convert RTarget " + GoFmt.quote(rTarget) + " to uint64: " + err);
                    } else if (rTarget.matches("0+")) {
                        errs.add("Distinct Property must have an allowed count of 1 or greater: 0 < 1");
                    }
                }
            }
            case Constraint.IS_SET, Constraint.IS_NOT_SET -> {
                if (!rTarget.isEmpty()) {
                    errs.add("Operator " + GoFmt.quote(operand) + " does not support an RTarget");
                }
            }
            default -> {
                if (COMPARISONS.contains(operand)) {
                    if (rTarget.isEmpty()) {
                        errs.add("Operator " + GoFmt.quote(operand) + " requires an RTarget");
                    }
                } else {
                    errs.add("Unknown constraint type " + GoFmt.quote(operand));
                }
            }
        }
        if (requireLTarget && str(c.lTarget).isEmpty()) {
            errs.add("No LTarget provided but is required by constraint");
        }
        return errs.list();
    }

    /** The RTarget of a regexp, version or semver rule must parse; {@code kind} names the rule in the message. */
    private static void checkPattern(String operand, String rTarget, String kind, Errs errs) {
        switch (operand) {
            case Constraint.REGEX -> add(errs, "Regular expression failed to compile: ", RegexpSyntax.check(rTarget));
            case Constraint.VERSION -> add(errs, "Version " + kind + " is invalid: ",
                    VersionConstraints.versionError(rTarget));
            default -> add(errs, "Semver " + kind + " is invalid: ", VersionConstraints.semverError(rTarget));
        }
    }

    private static void add(Errs errs, String prefix, String err) {
        if (err != null) {
            errs.add(prefix + err);
        }
    }

    static List<String> affinity(Affinity a) {
        Errs errs = new Errs();
        String operand = str(a.operand);
        String rTarget = str(a.rTarget);
        if (operand.isEmpty()) {
            errs.add("Missing affinity operand");
        }
        switch (operand) {
            case Constraint.SET_CONTAINS_ALL, Constraint.SET_CONTAINS_ANY, Constraint.SET_CONTAINS -> {
                if (rTarget.isEmpty()) {
                    errs.add("Set contains operators require an RTarget");
                }
            }
            case Constraint.REGEX, Constraint.VERSION, Constraint.SEMVER -> checkPattern(operand, rTarget, "affinity", errs);
            default -> {
                if (COMPARISONS.contains(operand)) {
                    if (rTarget.isEmpty()) {
                        errs.add("Operator " + GoFmt.quote(operand) + " requires an RTarget");
                    }
                } else {
                    errs.add("Unknown affinity operator " + GoFmt.quote(operand));
                }
            }
        }
        if (str(a.lTarget).isEmpty()) {
            errs.add("No LTarget provided but is required");
        }
        int weight = num(a.weight);
        if (weight == 0) {
            errs.add("Affinity weight cannot be zero");
        }
        if (weight > 100 || weight < -100) {
            errs.add("Affinity weight must be within the range [-100,100]");
        }
        return errs.list();
    }

    static List<String> spread(Spread s) {
        Errs errs = new Errs();
        if (str(s.attribute).isEmpty()) {
            errs.add("Missing spread attribute");
        }
        int weight = num(s.weight);
        if (weight <= 0 || weight > 100) {
            errs.add("Spread stanza must have a positive weight from 0 to 100");
        }
        Set<String> seen = new HashSet<>();
        long sum = 0;
        for (SpreadTarget t : GoZero.list(s.spreadTarget)) {
            String value = str(t.value);
            if (!seen.add(value)) {
                errs.add("Spread target value " + GoFmt.quote(value) + " already defined");
            }
            int percent = num(t.percent);
            if (percent < 0 || percent > 100) {
                errs.add("Spread target percentage for value " + GoFmt.quote(value) + " must be between 0 and 100");
            }
            sum += percent;
        }
        if (sum > 100) {
            errs.add("Sum of spread target percentages must not be greater than 100%; got " + sum + "%");
        }
        return errs.list();
    }

    static List<String> device(RequestedDevice d) {
        Errs errs = new Errs();
        if (str(d.name).isEmpty()) {
            errs.add("device name must be given as one of the following: type, vendor/type, or vendor/type/name");
        }
        List<Constraint> constraints = GoZero.list(d.constraints);
        for (int i = 0; i < constraints.size(); i++) {
            Constraint c = constraints.get(i);
            String operand = str(c.operand);
            if (operand.equals(Constraint.DISTINCT_HOSTS) || operand.equals(Constraint.DISTINCT_PROPERTY)) {
                errs.add("Constraint " + (i + 1) + " validation failed: using unsupported operand " + GoFmt.quote(operand));
            } else {
                errs.wrap("Constraint " + (i + 1) + " validation failed: ", constraint(c));
            }
        }
        List<Affinity> affinities = GoZero.list(d.affinities);
        for (int i = 0; i < affinities.size(); i++) {
            errs.wrap("Affinity " + (i + 1) + " validation failed: ", affinity(affinities.get(i)));
        }
        return errs.list();
    }

    /** The "Constraint N validation failed" entries of a list of constraints. */
    static void constraints(Errs errs, List<Constraint> constraints) {
        List<Constraint> list = GoZero.list(constraints);
        for (int i = 0; i < list.size(); i++) {
            errs.wrap("Constraint " + (i + 1) + " validation failed: ", constraint(list.get(i)));
        }
    }

    /** The affinity entries of a job, group or task: system jobs may have none at all. */
    static void affinities(Errs errs, List<Affinity> affinities, String jobType) {
        if (Job.TYPE_SYSTEM.equals(jobType)) {
            if (affinities != null) {
                errs.add("System jobs may not have an affinity stanza");
            }
            return;
        }
        List<Affinity> list = GoZero.list(affinities);
        for (int i = 0; i < list.size(); i++) {
            errs.wrap("Affinity " + (i + 1) + " validation failed: ", affinity(list.get(i)));
        }
    }

    /** The spread entries of a job or group: system jobs may have none at all. */
    static void spreads(Errs errs, List<Spread> spreads, String jobType) {
        if (Job.TYPE_SYSTEM.equals(jobType)) {
            if (spreads != null) {
                errs.add("System jobs may not have a spread stanza");
            }
            return;
        }
        List<Spread> list = GoZero.list(spreads);
        for (int i = 0; i < list.size(); i++) {
            errs.wrap("Spread " + (i + 1) + " validation failed: ", spread(list.get(i)));
        }
    }
}

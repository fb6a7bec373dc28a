package io.drover.model.canonical;

import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.Template;
import io.drover.model.Vault;
import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Nomad's {@code jobImpliedConstraints} register mutator: a group whose tasks use Vault must run
 * on nodes with Vault 0.6.1 or newer, and a group whose tasks need signals (kill signal, Vault or
 * template change signals) must run on nodes that support them. A group that already has an
 * equivalent constraint gets no second one.
 */
final class ImpliedConstraints {
    static final String VAULT_LTARGET = "${attr.vault.version}";
    static final String SIGNALS_LTARGET = "${attr.os.signals}";

    private ImpliedConstraints() {
    }

    static void apply(Job j) {
        if (j.taskGroups == null) {
            return;
        }
        for (TaskGroup tg : j.taskGroups) {
            if (usesVault(tg) && !hasLTarget(tg, VAULT_LTARGET)) {
                add(tg, new Constraint(VAULT_LTARGET, Constraint.SEMVER, ">= 0.6.1"));
            }
        }
        for (TaskGroup tg : j.taskGroups) {
            TreeSet<String> signals = requiredSignals(tg);
            if (signals.isEmpty()) {
                continue;
            }
            Constraint c = new Constraint(SIGNALS_LTARGET, Constraint.SET_CONTAINS, String.join(",", signals));
            boolean found = tg.constraints != null && tg.constraints.stream().anyMatch(c::sameAs);
            if (!found) {
                add(tg, c);
            }
        }
    }

    private static boolean usesVault(TaskGroup tg) {
        return tg.tasks != null && tg.tasks.stream().anyMatch(t -> t.vault != null);
    }

    private static boolean hasLTarget(TaskGroup tg, String lTarget) {
        return tg.constraints != null && tg.constraints.stream().anyMatch(c -> c != null && lTarget.equals(c.lTarget));
    }

    /** The union of the signals every task of the group needs, sorted as Nomad sorts them. */
    private static TreeSet<String> requiredSignals(TaskGroup tg) {
        TreeSet<String> signals = new TreeSet<>();
        if (tg.tasks == null) {
            return signals;
        }
        for (Task t : tg.tasks) {
            if (t.vault != null && Vault.CHANGE_MODE_SIGNAL.equals(t.vault.changeMode)) {
                signals.add(GoZero.str(t.vault.changeSignal));
            }
            if (!GoZero.str(t.killSignal).isEmpty()) {
                signals.add(t.killSignal);
            }
            if (t.templates != null) {
                for (Template tmpl : t.templates) {
                    if (Template.CHANGE_MODE_SIGNAL.equals(tmpl.changeMode)) {
                        signals.add(GoZero.str(tmpl.changeSignal));
                    }
                }
            }
        }
        return signals;
    }

    private static void add(TaskGroup tg, Constraint c) {
        List<Constraint> list = tg.constraints == null ? new ArrayList<>() : tg.constraints;
        list.add(c);
        tg.constraints = list;
    }
}

package io.drover.model.validate;

import static io.drover.model.json.GoZero.bool;
import static io.drover.model.json.GoZero.lng;
import static io.drover.model.json.GoZero.num;
import static io.drover.model.json.GoZero.str;

import io.drover.model.Job;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.Template;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoZero;
import java.util.List;

/**
 * Nomad's job warnings ({@code Job.Warnings}), which a register accepts but reports in its
 * response's {@code Warnings} field: deprecated IOPS and VaultGrace, an update MaxParallel above
 * the group count, auto_promote on only some groups. These are all Nomad 0.11.3 gives (its other
 * admission hooks and its canonicalization warn about nothing); register, revert (of the version
 * it registers again), plan and validate answer them, scale and dispatch do not.
 */
public final class JobWarnings {
    private JobWarnings() {
    }

    /** The {@code Warnings} text of a register response for this canonicalized job: "" when there are none. */
    public static String format(Job job) {
        List<String> warnings = warnings(job);
        if (warnings.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder().append(warnings.size()).append(" warning(s):\n\n");
        for (int i = 0; i < warnings.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append("* ").append(warnings.get(i));
        }
        return sb.toString();
    }

    /** The entries of Nomad's Job.Warnings multierror. */
    public static List<String> warnings(Job job) {
        Errs errs = new Errs();
        int autoPromote = 0;
        List<TaskGroup> groups = GoZero.list(job.taskGroups);
        for (TaskGroup tg : groups) {
            errs.wrap("Group " + GoFmt.quote(str(tg.name)) + " has warnings: ", group(tg));
            if (tg.update != null && bool(tg.update.autoPromote)) {
                autoPromote++;
            }
        }
        if (autoPromote > 0 && autoPromote < groups.size()) {
            errs.add("auto_promote must be true for all groups to enable automatic promotion");
        }
        return errs.list();
    }

    private static List<String> group(TaskGroup tg) {
        Errs errs = new Errs();
        if (tg.update != null && num(tg.update.maxParallel) > num(tg.count)) {
            errs.add("Update max parallel count is greater than task group count (" + num(tg.update.maxParallel) + " > "
                    + num(tg.count) + "). A destructive change would result in the simultaneous replacement of all allocations.");
        }
        for (Task t : GoZero.list(tg.tasks)) {
            // multierror.Prefix puts the prefix before each entry of the task's warnings.
            Errs prefixed = new Errs();
            for (String w : task(t)) {
                prefixed.add("Task " + GoFmt.quote(str(t.name)) + ": " + w);
            }
            errs.nest(prefixed.list());
        }
        return errs.list();
    }

    private static List<String> task(Task t) {
        Errs errs = new Errs();
        if (t.resources != null && num(t.resources.iops) != 0) {
            errs.add("IOPS has been deprecated as of Nomad 0.9.0. Please remove IOPS from resource stanza.");
        }
        List<Template> templates = GoZero.list(t.templates);
        for (int i = 0; i < templates.size(); i++) {
            if (lng(templates.get(i).vaultGrace) != 0) {
                errs.nest(List.of("Template[" + i + "] VaultGrace has been deprecated as of Nomad 0.11 and ignored since"
                        + " Vault 0.5. Please remove VaultGrace / vault_grace from template stanza."));
            }
        }
        return errs.list();
    }
}

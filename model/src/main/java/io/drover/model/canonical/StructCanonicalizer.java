package io.drover.model.canonical;

import static io.drover.model.json.GoFmt.HOUR;
import static io.drover.model.json.GoFmt.MINUTE;
import static io.drover.model.json.GoFmt.SECOND;

import io.drover.model.EphemeralDisk;
import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.ParameterizedJobConfig;
import io.drover.model.ReschedulePolicy;
import io.drover.model.Resources;
import io.drover.model.RestartPolicy;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.Template;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoZero;
import io.drover.model.json.GoZeroValues;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The third step of a register: the server struct's own {@code Canonicalize}
 * ({@code nomad/structs/structs.go}), which the register RPC runs first. It expects Go-value
 * fields to be set (see {@link GoZeroValues}) and fills the server-side defaults: restart and
 * reschedule policies by job type, the migrate strategy of service groups, the ephemeral disk,
 * task resources and kill timeout; it turns empty maps into null and interpolates service names.
 */
public final class StructCanonicalizer {
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{[a-zA-Z0-9_\\-.]+}");

    private StructCanonicalizer() {
    }

    static void canonicalize(Job j) {
        j.meta = ApiToStructConversion.nullIfEmpty(j.meta);
        if (j.namespace == null || j.namespace.isEmpty()) {
            j.namespace = Job.DEFAULT_NAMESPACE;
        }
        if (j.taskGroups != null) {
            for (TaskGroup tg : j.taskGroups) {
                canonicalizeGroup(tg, j);
            }
        }
        if (j.parameterizedJob != null && GoZero.str(j.parameterizedJob.payload).isEmpty()) {
            j.parameterizedJob.payload = ParameterizedJobConfig.PAYLOAD_OPTIONAL;
        }
    }

    private static void canonicalizeGroup(TaskGroup tg, Job job) {
        tg.meta = ApiToStructConversion.nullIfEmpty(tg.meta);
        if (tg.restartPolicy == null) {
            tg.restartPolicy = defaultRestart(job.type);
        }
        if (tg.reschedulePolicy == null) {
            tg.reschedulePolicy = defaultReschedule(job.type);
        }
        if (Job.TYPE_SERVICE.equals(job.type) && tg.migrate == null) {
            tg.migrate = ApiCanonicalizer.defaultMigrate();
        }
        if (tg.ephemeralDisk == null) {
            tg.ephemeralDisk = new EphemeralDisk();
            tg.ephemeralDisk.sticky = false;
            tg.ephemeralDisk.sizeMb = EphemeralDisk.DEFAULT_SIZE_MB;
            tg.ephemeralDisk.migrate = false;
        }
        if (tg.services != null) {
            for (Service s : tg.services) {
                canonicalizeService(s, job.name, tg.name, "group");
            }
        }
        if (tg.networks != null) {
            tg.networks.forEach(StructCanonicalizer::canonicalizeNetwork);
        }
        if (tg.tasks != null) {
            for (Task t : tg.tasks) {
                canonicalizeTask(t, tg, job);
            }
        }
    }

    /** Nomad's NewRestartPolicy: null for job types other than service, system and batch. */
    static RestartPolicy defaultRestart(String jobType) {
        if (Job.TYPE_SERVICE.equals(jobType) || Job.TYPE_SYSTEM.equals(jobType)) {
            return new RestartPolicy(2, 30 * MINUTE, 15 * SECOND, RestartPolicy.MODE_FAIL);
        }
        if (Job.TYPE_BATCH.equals(jobType)) {
            return new RestartPolicy(3, 24 * HOUR, 15 * SECOND, RestartPolicy.MODE_FAIL);
        }
        return null;
    }

    /** Nomad's NewReschedulePolicy: only service and batch jobs get one. */
    private static ReschedulePolicy defaultReschedule(String jobType) {
        if (Job.TYPE_SERVICE.equals(jobType) || Job.TYPE_BATCH.equals(jobType)) {
            return ApiCanonicalizer.defaultReschedule(jobType);
        }
        return null;
    }

    static void canonicalizeTask(Task t, TaskGroup tg, Job job) {
        t.meta = ApiToStructConversion.nullIfEmpty(t.meta);
        t.config = ApiToStructConversion.nullIfEmpty(t.config);
        t.env = ApiToStructConversion.nullIfEmpty(t.env);
        if (t.services != null) {
            for (Service s : t.services) {
                canonicalizeService(s, job.name, tg.name, t.name);
            }
        }
        if (t.resources == null) {
            t.resources = new Resources();
            GoZeroValues.fill(t.resources);
            t.resources.cpu = Resources.DEFAULT_CPU;
            t.resources.memoryMb = Resources.DEFAULT_MEMORY_MB;
        } else {
            canonicalizeResources(t.resources);
        }
        if (t.restartPolicy == null && tg.restartPolicy != null) {
            t.restartPolicy = tg.restartPolicy.copy();
        }
        if (GoZero.lng(t.killTimeout) == 0) {
            t.killTimeout = 5 * SECOND;
        }
        if (t.vault != null && !GoZero.str(t.vault.changeSignal).isEmpty()) {
            t.vault.changeSignal = t.vault.changeSignal.toUpperCase(Locale.ROOT);
        }
        if (t.templates != null) {
            for (Template tmpl : t.templates) {
                if (!GoZero.str(tmpl.changeSignal).isEmpty()) {
                    tmpl.changeSignal = tmpl.changeSignal.toUpperCase(Locale.ROOT);
                }
            }
        }
    }

    static void canonicalizeResources(Resources r) {
        r.networks = ApiToStructConversion.nullIfEmpty(r.networks);
        r.devices = ApiToStructConversion.nullIfEmpty(r.devices);
        if (r.networks != null) {
            r.networks.forEach(StructCanonicalizer::canonicalizeNetwork);
        }
    }

    private static void canonicalizeNetwork(NetworkResource n) {
        n.reservedPorts = ApiToStructConversion.nullIfEmpty(n.reservedPorts);
        n.dynamicPorts = ApiToStructConversion.nullIfEmpty(n.dynamicPorts);
    }

    private static void canonicalizeService(Service s, String job, String group, String task) {
        s.tags = ApiToStructConversion.nullIfEmpty(s.tags);
        s.canaryTags = ApiToStructConversion.nullIfEmpty(s.canaryTags);
        s.checks = ApiToStructConversion.nullIfEmpty(s.checks);
        s.name = replaceEnv(GoZero.str(s.name), Map.of(
                "JOB", GoZero.str(job),
                "TASKGROUP", GoZero.str(group),
                "TASK", GoZero.str(task),
                "BASE", GoZero.str(job) + "-" + GoZero.str(group) + "-" + GoZero.str(task)));
        if (s.checks != null) {
            for (ServiceCheck c : s.checks) {
                canonicalizeCheck(c, s.name);
            }
        }
    }

    private static void canonicalizeCheck(ServiceCheck c, String serviceName) {
        c.args = ApiToStructConversion.nullIfEmpty(c.args);
        c.header = ApiToStructConversion.nullIfEmpty(c.header);
        if (c.header != null) {
            c.header.replaceAll((k, v) -> v == null || v.isEmpty() ? null : v);
        }
        if (GoZero.str(c.name).isEmpty()) {
            c.name = "service: " + GoFmt.quote(serviceName) + " check";
        }
    }

    /** Nomad's args.ReplaceEnv: {@code ${NAME}} becomes the value of NAME where one is known. */
    static String replaceEnv(String s, Map<String, String> env) {
        Matcher m = ENV_VAR.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String var = m.group();
            String value = env.get(var.substring(2, var.length() - 1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : var));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Nomad's args.ContainsEnv. */
    public static boolean containsEnv(String s) {
        return ENV_VAR.matcher(s).find();
    }

    /** Nomad's args.ReplaceEnvWithPlaceHolder. */
    public static String replaceEnvWithPlaceholder(String s, String placeholder) {
        return ENV_VAR.matcher(s).replaceAll(Matcher.quoteReplacement(placeholder));
    }
}

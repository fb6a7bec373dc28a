package io.drover.model.canonical;

import static io.drover.model.json.GoFmt.HOUR;
import static io.drover.model.json.GoFmt.MINUTE;
import static io.drover.model.json.GoFmt.SECOND;

import io.drover.model.Affinity;
import io.drover.model.CheckRestart;
import io.drover.model.EphemeralDisk;
import io.drover.model.Job;
import io.drover.model.LogConfig;
import io.drover.model.MigrateStrategy;
import io.drover.model.NetworkResource;
import io.drover.model.PeriodicConfig;
import io.drover.model.RequestedDevice;
import io.drover.model.ReschedulePolicy;
import io.drover.model.Resources;
import io.drover.model.RestartPolicy;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.Spread;
import io.drover.model.Task;
import io.drover.model.TaskArtifact;
import io.drover.model.TaskGroup;
import io.drover.model.Template;
import io.drover.model.UpdateStrategy;
import io.drover.model.Vault;
import io.drover.model.VolumeMount;
import io.drover.model.connect.ConsulConnect;
import io.drover.model.connect.ConsulProxy;
import io.drover.model.connect.SidecarTask;
import io.drover.model.json.GoPaths;
import io.drover.model.json.GoZero;
import io.drover.model.json.ModelMerge;
import java.util.List;
import java.util.Locale;

/**
 * The first step of a register: Nomad's API client {@code Canonicalize} ({@code api/jobs.go},
 * {@code api/tasks.go} ...), which the HTTP agent runs on the decoded body. Null stands for a nil
 * pointer and is replaced by the API's default; job-level Update, Reschedule and Migrate are
 * merged into every group. Values the user gave are never overwritten.
 */
final class ApiCanonicalizer {
    private ApiCanonicalizer() {
    }

    static void canonicalize(Job j) {
        if (j.id == null) {
            j.id = "";
        }
        if (j.name == null) {
            j.name = j.id;
        }
        if (j.parentId == null) {
            j.parentId = "";
        }
        if (j.namespace == null) {
            j.namespace = Job.DEFAULT_NAMESPACE;
        }
        if (j.priority == null) {
            j.priority = Job.DEFAULT_PRIORITY;
        }
        if (j.stop == null) {
            j.stop = false;
        }
        if (j.region == null) {
            j.region = Job.GLOBAL_REGION;
        }
        if (j.type == null) {
            j.type = Job.TYPE_SERVICE;
        }
        if (j.allAtOnce == null) {
            j.allAtOnce = false;
        }
        if (j.consulToken == null) {
            j.consulToken = "";
        }
        if (j.vaultToken == null) {
            j.vaultToken = "";
        }
        if (j.periodic != null) {
            canonicalizePeriodic(j.periodic);
        }
        if (j.update != null) {
            canonicalizeUpdate(j.update);
        } else if (Job.TYPE_SERVICE.equals(j.type)) {
            j.update = defaultUpdate();
        }
        if (j.taskGroups != null) {
            j.taskGroups.replaceAll(tg -> tg == null ? new TaskGroup() : tg);
            for (TaskGroup tg : j.taskGroups) {
                canonicalizeGroup(tg, j);
            }
        }
        canonicalizeSpreads(j.spreads);
        canonicalizeAffinities(j.affinities);
    }

    private static void canonicalizePeriodic(PeriodicConfig p) {
        if (p.enabled == null) {
            p.enabled = true;
        }
        if (p.spec == null) {
            p.spec = "";
        }
        if (p.specType == null) {
            p.specType = PeriodicConfig.SPEC_CRON;
        }
        if (p.prohibitOverlap == null) {
            p.prohibitOverlap = false;
        }
        if (p.timeZone == null || p.timeZone.isEmpty()) {
            p.timeZone = "UTC";
        }
    }

    static UpdateStrategy defaultUpdate() {
        UpdateStrategy u = new UpdateStrategy();
        u.stagger = 30 * SECOND;
        u.maxParallel = 1;
        u.healthCheck = UpdateStrategy.HEALTH_CHECK_CHECKS;
        u.minHealthyTime = 10 * SECOND;
        u.healthyDeadline = 5 * MINUTE;
        u.progressDeadline = 10 * MINUTE;
        u.autoRevert = false;
        u.canary = 0;
        u.autoPromote = false;
        return u;
    }

    private static void canonicalizeUpdate(UpdateStrategy u) {
        ModelMerge.merge(u, defaultUpdate(), true);
    }

    /** The API's UpdateStrategy.Empty: nothing set to a non-zero value. */
    private static boolean isEmptyUpdate(UpdateStrategy u) {
        return (u.stagger == null || u.stagger == 0) && (u.maxParallel == null || u.maxParallel == 0)
                && (u.healthCheck == null || u.healthCheck.isEmpty())
                && (u.minHealthyTime == null || u.minHealthyTime == 0)
                && (u.healthyDeadline == null || u.healthyDeadline == 0)
                && (u.progressDeadline == null || u.progressDeadline == 0)
                && !Boolean.TRUE.equals(u.autoRevert) && !Boolean.TRUE.equals(u.autoPromote)
                && (u.canary == null || u.canary == 0);
    }

    private static void canonicalizeGroup(TaskGroup g, Job job) {
        if (g.name == null) {
            g.name = "";
        }
        if (g.count == null) {
            g.count = g.scaling != null && g.scaling.min != null ? g.scaling.min.intValue() : 1;
        }
        if (g.scaling != null) {
            if (g.scaling.enabled == null) {
                g.scaling.enabled = true;
            }
            if (g.scaling.min == null) {
                g.scaling.min = (long) g.count;
            }
        }
        if (g.ephemeralDisk == null) {
            g.ephemeralDisk = new EphemeralDisk();
        }
        if (g.ephemeralDisk.sticky == null) {
            g.ephemeralDisk.sticky = false;
        }
        if (g.ephemeralDisk.migrate == null) {
            g.ephemeralDisk.migrate = false;
        }
        if (g.ephemeralDisk.sizeMb == null) {
            g.ephemeralDisk.sizeMb = EphemeralDisk.DEFAULT_SIZE_MB;
        }

        if (job.update != null && g.update != null) {
            UpdateStrategy merged = ModelMerge.copy(job.update);
            ModelMerge.merge(merged, g.update, false);
            g.update = merged;
        } else if (job.update != null && !isEmptyUpdate(job.update)) {
            g.update = ModelMerge.copy(job.update);
        }
        if (g.update != null) {
            canonicalizeUpdate(g.update);
        }

        if (job.reschedule != null) {
            ReschedulePolicy merged = ModelMerge.copy(job.reschedule);
            if (g.reschedulePolicy != null) {
                ModelMerge.merge(merged, g.reschedulePolicy, false);
            }
            g.reschedulePolicy = merged;
        }
        if (g.reschedulePolicy == null && !Job.TYPE_SYSTEM.equals(job.type)) {
            g.reschedulePolicy = defaultReschedule(job.type);
        }
        if (g.reschedulePolicy != null) {
            ModelMerge.merge(g.reschedulePolicy, defaultReschedule(job.type), true);
        }

        if (job.migrate != null) {
            MigrateStrategy merged = ModelMerge.copy(job.migrate);
            if (g.migrate != null) {
                ModelMerge.merge(merged, g.migrate, false);
            }
            g.migrate = merged;
        }
        if (g.migrate == null && Job.TYPE_SERVICE.equals(job.type)) {
            g.migrate = new MigrateStrategy();
        }
        if (g.migrate != null) {
            ModelMerge.merge(g.migrate, defaultMigrate(), true);
        }

        // Unknown job types get the batch restart policy: the API's switch falls through to it.
        RestartPolicy restart = Job.TYPE_SERVICE.equals(job.type) || Job.TYPE_SYSTEM.equals(job.type)
                ? new RestartPolicy(2, 30 * MINUTE, 15 * SECOND, RestartPolicy.MODE_FAIL)
                : new RestartPolicy(3, 24 * HOUR, 15 * SECOND, RestartPolicy.MODE_FAIL);
        if (g.restartPolicy != null) {
            ModelMerge.merge(restart, g.restartPolicy, false);
        }
        g.restartPolicy = restart;

        if (g.tasks != null) {
            g.tasks.replaceAll(t -> t == null ? new Task() : t);
            for (Task t : g.tasks) {
                canonicalizeTask(t, g, job);
            }
        }
        canonicalizeSpreads(g.spreads);
        canonicalizeAffinities(g.affinities);
        canonicalizeNetworks(g.networks);
        if (g.services != null) {
            g.services.replaceAll(s -> s == null ? new Service() : s);
            for (Service s : g.services) {
                canonicalizeService(s, null, g, job);
            }
        }
    }

    static ReschedulePolicy defaultReschedule(String jobType) {
        ReschedulePolicy p = new ReschedulePolicy();
        if (Job.TYPE_SERVICE.equals(jobType)) {
            p.delay = 30 * SECOND;
            p.delayFunction = "exponential";
            p.maxDelay = HOUR;
            p.unlimited = true;
            p.attempts = 0;
            p.interval = 0L;
        } else if (Job.TYPE_BATCH.equals(jobType)) {
            p.attempts = 1;
            p.interval = 24 * HOUR;
            p.delay = 5 * SECOND;
            p.delayFunction = "constant";
            p.maxDelay = 0L;
            p.unlimited = false;
        } else {
            p.attempts = 0;
            p.interval = 0L;
            p.delay = 0L;
            p.delayFunction = "";
            p.maxDelay = 0L;
            p.unlimited = false;
        }
        return p;
    }

    static MigrateStrategy defaultMigrate() {
        MigrateStrategy m = new MigrateStrategy();
        m.maxParallel = 1;
        m.healthCheck = "checks";
        m.minHealthyTime = 10 * SECOND;
        m.healthyDeadline = 5 * MINUTE;
        return m;
    }

    private static void canonicalizeTask(Task t, TaskGroup g, Job job) {
        if (t.resources == null) {
            t.resources = new Resources();
        }
        canonicalizeResources(t.resources);
        if (t.killTimeout == null) {
            t.killTimeout = 5 * SECOND;
        }
        if (t.logConfig == null) {
            t.logConfig = new LogConfig();
        }
        canonicalizeLogConfig(t.logConfig);
        if (t.artifacts != null) {
            t.artifacts.replaceAll(a -> a == null ? new TaskArtifact() : a);
            t.artifacts.forEach(ApiCanonicalizer::canonicalizeArtifact);
        }
        if (t.vault != null) {
            if (t.vault.env == null) {
                t.vault.env = true;
            }
            if (t.vault.changeMode == null) {
                t.vault.changeMode = Vault.CHANGE_MODE_RESTART;
            }
            if (t.vault.changeSignal == null) {
                t.vault.changeSignal = "SIGHUP";
            }
        }
        if (t.templates != null) {
            t.templates.replaceAll(x -> x == null ? new Template() : x);
            t.templates.forEach(ApiCanonicalizer::canonicalizeTemplate);
        }
        if (t.services != null) {
            t.services.replaceAll(s -> s == null ? new Service() : s);
            for (Service s : t.services) {
                canonicalizeService(s, t, g, job);
            }
        }
        canonicalizeAffinities(t.affinities);
        if (t.volumeMounts != null) {
            t.volumeMounts.replaceAll(m -> m == null ? new VolumeMount() : m);
            for (VolumeMount m : t.volumeMounts) {
                if (m.propagationMode == null) {
                    m.propagationMode = VolumeMount.PROPAGATION_PRIVATE;
                }
                if (m.readOnly == null) {
                    m.readOnly = false;
                }
            }
        }
        if (t.lifecycle != null && (t.lifecycle.hook == null || t.lifecycle.hook.isEmpty())) {
            t.lifecycle = null;
        }
        if (t.csiPluginConfig != null && (t.csiPluginConfig.mountDir == null || t.csiPluginConfig.mountDir.isEmpty())) {
            t.csiPluginConfig.mountDir = "/csi";
        }
        if (t.restartPolicy == null) {
            t.restartPolicy = g.restartPolicy.copy();
        } else {
            RestartPolicy merged = g.restartPolicy.copy();
            ModelMerge.merge(merged, t.restartPolicy, false);
            t.restartPolicy = merged;
        }
    }

    private static void canonicalizeResources(Resources r) {
        if (r.cpu == null) {
            r.cpu = Resources.DEFAULT_CPU;
        }
        if (r.memoryMb == null) {
            r.memoryMb = Resources.DEFAULT_MEMORY_MB;
        }
        canonicalizeNetworks(r.networks);
        if (r.devices != null) {
            r.devices.replaceAll(d -> d == null ? new RequestedDevice() : d);
            for (RequestedDevice d : r.devices) {
                if (d.count == null) {
                    d.count = 1L;
                }
                canonicalizeAffinities(d.affinities);
            }
        }
    }

    private static void canonicalizeNetworks(List<NetworkResource> networks) {
        if (networks != null) {
            networks.replaceAll(n -> n == null ? new NetworkResource() : n);
            for (NetworkResource n : networks) {
                if (n.mbits == null) {
                    n.mbits = 10;
                }
            }
        }
    }

    private static void canonicalizeLogConfig(LogConfig l) {
        if (l.maxFiles == null) {
            l.maxFiles = LogConfig.DEFAULT_MAX_FILES;
        }
        if (l.maxFileSizeMb == null) {
            l.maxFileSizeMb = LogConfig.DEFAULT_MAX_FILE_SIZE_MB;
        }
    }

    private static void canonicalizeArtifact(TaskArtifact a) {
        if (a.getterMode == null) {
            a.getterMode = TaskArtifact.MODE_ANY;
        }
        if (a.getterSource == null) {
            a.getterSource = "";
        }
        if (a.relativeDest == null) {
            a.relativeDest = TaskArtifact.MODE_FILE.equals(a.getterMode)
                    ? GoPaths.join("local", GoPaths.base(a.getterSource))
                    : "local/";
        }
    }

    private static void canonicalizeTemplate(Template t) {
        if (t.sourcePath == null) {
            t.sourcePath = "";
        }
        if (t.destPath == null) {
            t.destPath = "";
        }
        if (t.embeddedTmpl == null) {
            t.embeddedTmpl = "";
        }
        if (t.changeMode == null) {
            t.changeMode = Template.CHANGE_MODE_RESTART;
        }
        if (t.changeSignal == null) {
            t.changeSignal = Template.CHANGE_MODE_SIGNAL.equals(t.changeMode) ? "SIGHUP" : "";
        } else {
            t.changeSignal = t.changeSignal.toUpperCase(Locale.ROOT);
        }
        if (t.splay == null) {
            t.splay = 5 * SECOND;
        }
        if (t.perms == null) {
            t.perms = "0644";
        }
        if (t.leftDelim == null) {
            t.leftDelim = "{{";
        }
        if (t.rightDelim == null) {
            t.rightDelim = "}}";
        }
        if (t.envvars == null) {
            t.envvars = false;
        }
        if (t.vaultGrace == null) {
            t.vaultGrace = 0L;
        }
    }

    private static void canonicalizeService(Service s, Task t, TaskGroup g, Job job) {
        if (s.name == null || s.name.isEmpty()) {
            s.name = t != null ? job.name + "-" + g.name + "-" + GoZero.str(t.name) : job.name + "-" + g.name;
        }
        if (s.addressMode == null || s.addressMode.isEmpty()) {
            s.addressMode = Service.ADDRESS_MODE_AUTO;
        }
        if (s.connect != null) {
            canonicalizeConnect(s.connect);
        }
        if (s.checks != null) {
            s.checks.replaceAll(c -> c == null ? new ServiceCheck() : c);
            for (ServiceCheck c : s.checks) {
                c.checkRestart = mergeCheckRestart(s.checkRestart, c.checkRestart);
                if (c.checkRestart != null && c.checkRestart.grace == null) {
                    c.checkRestart.grace = SECOND;
                }
            }
        }
    }

    /** The API's CheckRestart.Merge: the service's settings, overridden by what the check sets. */
    private static CheckRestart mergeCheckRestart(CheckRestart service, CheckRestart check) {
        if (service == null) {
            return check;
        }
        CheckRestart merged = service.copy();
        if (check == null) {
            return merged;
        }
        if (check.limit != null && check.limit > 0) {
            merged.limit = check.limit;
        }
        if (check.grace != null) {
            merged.grace = check.grace;
        }
        if (Boolean.TRUE.equals(check.ignoreWarnings)) {
            merged.ignoreWarnings = true;
        }
        return merged;
    }

    private static void canonicalizeConnect(ConsulConnect c) {
        if (c.sidecarService != null) {
            if (c.sidecarService.tags != null && c.sidecarService.tags.isEmpty()) {
                c.sidecarService.tags = null;
            }
            ConsulProxy p = c.sidecarService.proxy;
            if (p != null) {
                if (p.expose != null && p.expose.paths != null && p.expose.paths.isEmpty()) {
                    p.expose.paths = null;
                }
                if (p.upstreams != null && p.upstreams.isEmpty()) {
                    p.upstreams = null;
                }
                if (p.config != null && p.config.isEmpty()) {
                    p.config = null;
                }
            }
        }
        SidecarTask st = c.sidecarTask;
        if (st != null) {
            if (st.config != null && st.config.isEmpty()) {
                st.config = null;
            }
            if (st.env != null && st.env.isEmpty()) {
                st.env = null;
            }
            if (st.resources == null) {
                st.resources = new Resources();
            }
            canonicalizeResources(st.resources);
            if (st.logConfig == null) {
                st.logConfig = new LogConfig();
            }
            canonicalizeLogConfig(st.logConfig);
            if (st.meta != null && st.meta.isEmpty()) {
                st.meta = null;
            }
            if (st.killTimeout == null) {
                st.killTimeout = 5 * SECOND;
            }
            if (st.shutdownDelay == null) {
                st.shutdownDelay = 0L;
            }
        }
    }

    private static void canonicalizeSpreads(List<Spread> spreads) {
        if (spreads != null) {
            spreads.replaceAll(s -> s == null ? new Spread() : s);
            for (Spread s : spreads) {
                if (s.weight == null) {
                    s.weight = Spread.DEFAULT_WEIGHT;
                }
            }
        }
    }

    private static void canonicalizeAffinities(List<Affinity> affinities) {
        if (affinities != null) {
            affinities.replaceAll(a -> a == null ? new Affinity() : a);
            for (Affinity a : affinities) {
                if (a.weight == null) {
                    a.weight = Affinity.DEFAULT_WEIGHT;
                }
            }
        }
    }
}

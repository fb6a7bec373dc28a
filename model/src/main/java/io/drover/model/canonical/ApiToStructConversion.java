package io.drover.model.canonical;

import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.Resources;
import io.drover.model.ScalingPolicy;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.UpdateStrategy;
import io.drover.model.VolumeRequest;
import io.drover.model.connect.ConsulConnect;
import io.drover.model.connect.ConsulProxy;
import io.drover.model.json.GoZero;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second step of a register: Nomad's {@code ApiJobToStructJob} and friends
 * ({@code command/agent/job_endpoint.go}), done in place. It keeps what that conversion copies
 * and clears what it drops: server-set fields, the job-level Update beyond Stagger and
 * MaxParallel, job-level Reschedule and Migrate, a task's DiskMB, a network's Device, the Connect
 * block and check Expose/TaskName of task services, volumes of unknown types. Empty lists become
 * null where the conversion only copies non-empty ones, so the stored JSON matches Nomad's.
 */
final class ApiToStructConversion {
    private ApiToStructConversion() {
    }

    static void convert(Job j) {
        // Server-set fields are not copied from the request: the state store sets them.
        j.status = "";
        j.statusDescription = "";
        j.stable = false;
        j.version = 0L;
        j.submitTime = 0L;
        j.createIndex = 0L;
        j.modifyIndex = 0L;
        j.jobModifyIndex = 0L;
        j.dispatched = false;

        UpdateStrategy kept = new UpdateStrategy();
        if (j.update != null && j.update.maxParallel != null && j.update.maxParallel > 0) {
            kept.stagger = GoZero.lng(j.update.stagger);
            kept.maxParallel = j.update.maxParallel;
        }
        j.update = kept;
        j.reschedule = null;
        j.migrate = null;

        j.spreads = nullIfEmpty(j.spreads);
        j.taskGroups = nullIfEmpty(j.taskGroups);
        if (j.taskGroups != null) {
            for (TaskGroup tg : j.taskGroups) {
                convertGroup(tg, j);
            }
        }
    }

    private static void convertGroup(TaskGroup tg, Job j) {
        tg.networks = convertNetworks(tg.networks);
        tg.services = nullIfEmpty(tg.services);
        if (tg.services != null) {
            for (Service s : tg.services) {
                convertService(s, true);
            }
        }
        if (tg.scaling != null) {
            ScalingPolicy api = tg.scaling;
            ScalingPolicy p = new ScalingPolicy();
            p.id = "";
            p.enabled = api.enabled;
            p.max = GoZero.lng(api.max);
            p.policy = api.policy;
            p.min = api.min != null ? api.min : (long) GoZero.num(tg.count);
            Map<String, String> target = new LinkedHashMap<>();
            target.put(ScalingPolicy.TARGET_NAMESPACE, j.namespace);
            target.put(ScalingPolicy.TARGET_JOB, j.id);
            target.put(ScalingPolicy.TARGET_GROUP, tg.name);
            p.target = target;
            p.createIndex = 0L;
            p.modifyIndex = 0L;
            tg.scaling = p;
        }
        tg.spreads = nullIfEmpty(tg.spreads);
        tg.volumes = convertVolumes(tg.volumes);
        tg.tasks = nullIfEmpty(tg.tasks);
        if (tg.tasks != null) {
            for (Task t : tg.tasks) {
                convertTask(t);
            }
        }
    }

    private static Map<String, VolumeRequest> convertVolumes(Map<String, VolumeRequest> in) {
        if (in == null || in.isEmpty()) {
            return null;
        }
        // Nomad skips volume types it does not know, so an all-unknown map is stored empty, not nil.
        Map<String, VolumeRequest> out = new LinkedHashMap<>();
        for (Map.Entry<String, VolumeRequest> e : in.entrySet()) {
            VolumeRequest v = e.getValue();
            if (v != null && (VolumeRequest.TYPE_HOST.equals(v.type) || VolumeRequest.TYPE_CSI.equals(v.type))) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    private static void convertTask(Task t) {
        t.services = nullIfEmpty(t.services);
        if (t.services != null) {
            for (Service s : t.services) {
                convertService(s, false);
            }
        }
        t.resources = convertResources(t.resources);
        t.volumeMounts = nullIfEmpty(t.volumeMounts);
        t.artifacts = nullIfEmpty(t.artifacts);
        t.templates = nullIfEmpty(t.templates);
    }

    static Resources convertResources(Resources r) {
        if (r == null) {
            return null;
        }
        r.diskMb = null;
        r.networks = convertNetworks(r.networks);
        r.devices = nullIfEmpty(r.devices);
        return r;
    }

    private static List<NetworkResource> convertNetworks(List<NetworkResource> in) {
        List<NetworkResource> out = nullIfEmpty(in);
        if (out != null) {
            for (NetworkResource n : out) {
                n.device = null;
                n.dynamicPorts = nullIfEmpty(n.dynamicPorts);
                n.reservedPorts = nullIfEmpty(n.reservedPorts);
            }
        }
        return out;
    }

    /** Group services keep Connect, Expose and TaskName; task services lose them, as Nomad's two copies differ. */
    private static void convertService(Service s, boolean groupService) {
        s.apiId = null;
        s.checkRestart = null;
        s.meta = nullIfEmpty(s.meta);
        s.canaryMeta = nullIfEmpty(s.canaryMeta);
        s.checks = nullIfEmpty(s.checks);
        if (s.checks != null) {
            for (ServiceCheck c : s.checks) {
                c.apiId = null;
                if (!groupService) {
                    c.expose = false;
                    c.taskName = "";
                }
            }
        }
        if (!groupService) {
            s.connect = null;
        } else if (s.connect != null) {
            convertConnect(s.connect);
        }
    }

    private static void convertConnect(ConsulConnect c) {
        if (c.sidecarService != null) {
            c.sidecarService.tags = nullIfEmpty(c.sidecarService.tags);
            ConsulProxy p = c.sidecarService.proxy;
            if (p != null) {
                p.upstreams = nullIfEmpty(p.upstreams);
                if (p.expose != null) {
                    p.expose.paths = nullIfEmpty(p.expose.paths);
                }
            }
        }
        if (c.sidecarTask != null) {
            c.sidecarTask.resources = convertResources(c.sidecarTask.resources);
        }
    }

    static <T> List<T> nullIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    static <K, V> Map<K, V> nullIfEmpty(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }
}

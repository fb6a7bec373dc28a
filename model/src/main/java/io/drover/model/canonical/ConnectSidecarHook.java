package io.drover.model.canonical;

import static io.drover.model.json.GoFmt.SECOND;

import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.LogConfig;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.Resources;
import io.drover.model.Service;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.TaskLifecycleConfig;
import io.drover.model.connect.SidecarTask;
import io.drover.model.json.GoZero;
import io.drover.model.json.GoZeroValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Nomad's {@code jobConnectHook} register mutator: every group service with a Connect sidecar
 * gets an Envoy proxy task ({@code connect-proxy-<service>}, docker, prestart sidecar) unless the
 * group already has one for it, the service's SidecarTask overrides are merged into that task,
 * and the group's first network gets a dynamic port for the proxy. Drover stores the task as
 * Nomad would; running it is up to the node.
 */
public final class ConnectSidecarHook {
    public static final String PROXY_PREFIX = "connect-proxy";

    private ConnectSidecarHook() {
    }

    static void apply(Job job) {
        if (job.taskGroups == null) {
            return;
        }
        for (TaskGroup g : job.taskGroups) {
            if (g.networks == null || g.networks.isEmpty() || g.services == null) {
                continue;
            }
            for (Service service : g.services) {
                if (service.connect != null && service.connect.hasSidecar()) {
                    addSidecar(job, g, service);
                }
            }
        }
    }

    private static void addSidecar(Job job, TaskGroup g, Service service) {
        String kind = PROXY_PREFIX + ":" + service.name;
        Task task = null;
        if (g.tasks != null) {
            for (Task t : g.tasks) {
                if (kind.equals(t.kind)) {
                    task = t;
                    break;
                }
            }
        }
        if (task == null) {
            task = newProxyTask(service.name);
            if (g.tasks != null) {
                for (Task t : g.tasks) {
                    if (task.name.equals(t.name)) {
                        task.name = task.name + "-" + UUID.randomUUID().toString().substring(0, 6);
                        break;
                    }
                }
            }
            List<Task> tasks = g.tasks == null ? new ArrayList<>() : g.tasks;
            tasks.add(task);
            g.tasks = tasks;
        }
        if (service.connect.sidecarTask != null) {
            mergeInto(service.connect.sidecarTask, task);
        }
        StructCanonicalizer.canonicalizeTask(task, g, job);

        String label = PROXY_PREFIX + "-" + service.name;
        NetworkResource net = g.networks.get(0);
        List<Port> dynamic = net.dynamicPorts == null ? new ArrayList<>() : net.dynamicPorts;
        if (dynamic.stream().noneMatch(p -> label.equals(p.label))) {
            dynamic.add(new Port(label, 0, -1));
        }
        net.dynamicPorts = dynamic;
    }

    private static Task newProxyTask(String serviceName) {
        Task t = new Task();
        GoZeroValues.fill(t);
        t.name = PROXY_PREFIX + "-" + serviceName;
        t.kind = PROXY_PREFIX + ":" + serviceName;
        t.driver = "docker";
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("image", "${meta.connect.sidecar_image}");
        config.put("args", new ArrayList<>(List.of("-c", "${NOMAD_SECRETS_DIR}/envoy_bootstrap.json",
                "-l", "${meta.connect.log_level}", "--disable-hot-restart")));
        t.config = config;
        t.shutdownDelay = 5 * SECOND;
        t.logConfig = new LogConfig();
        t.logConfig.maxFiles = 2;
        t.logConfig.maxFileSizeMb = 2;
        t.resources = new Resources();
        GoZeroValues.fill(t.resources);
        t.resources.cpu = 250;
        t.resources.memoryMb = 128;
        t.lifecycle = new TaskLifecycleConfig();
        t.lifecycle.hook = TaskLifecycleConfig.HOOK_PRESTART;
        t.lifecycle.sidecar = true;
        t.constraints = new ArrayList<>(List.of(
                new Constraint("${attr.consul.version}", Constraint.SEMVER, ">= 1.6.0-beta1")));
        return t;
    }

    /** Nomad's SidecarTask.MergeIntoTask: what the user set replaces or extends the proxy task. */
    private static void mergeInto(SidecarTask st, Task task) {
        if (!GoZero.str(st.name).isEmpty()) {
            task.name = st.name;
        }
        if (!GoZero.str(st.driver).isEmpty() && !st.driver.equals(task.driver)) {
            task.driver = st.driver;
            task.config = st.config;
        } else if (st.config != null) {
            Map<String, Object> config = task.config == null ? new LinkedHashMap<>() : task.config;
            config.putAll(st.config);
            task.config = config;
        }
        if (!GoZero.str(st.user).isEmpty()) {
            task.user = st.user;
        }
        if (st.env != null) {
            if (task.env == null) {
                task.env = st.env;
            } else {
                task.env.putAll(st.env);
            }
        }
        if (st.resources != null) {
            mergeResources(task.resources, st.resources);
        }
        if (st.meta != null) {
            if (task.meta == null) {
                task.meta = st.meta;
            } else {
                task.meta.putAll(st.meta);
            }
        }
        if (st.killTimeout != null) {
            task.killTimeout = st.killTimeout;
        }
        if (st.logConfig != null) {
            if (task.logConfig == null) {
                task.logConfig = st.logConfig;
            } else {
                if (GoZero.num(st.logConfig.maxFiles) > 0) {
                    task.logConfig.maxFiles = st.logConfig.maxFiles;
                }
                if (GoZero.num(st.logConfig.maxFileSizeMb) > 0) {
                    task.logConfig.maxFileSizeMb = st.logConfig.maxFileSizeMb;
                }
            }
        }
        if (st.shutdownDelay != null) {
            task.shutdownDelay = st.shutdownDelay;
        }
        if (!GoZero.str(st.killSignal).isEmpty()) {
            task.killSignal = st.killSignal;
        }
    }

    /** Nomad's Resources.Merge: non-zero values replace the proxy's defaults. */
    private static void mergeResources(Resources into, Resources from) {
        if (GoZero.num(from.cpu) != 0) {
            into.cpu = from.cpu;
        }
        if (GoZero.num(from.memoryMb) != 0) {
            into.memoryMb = from.memoryMb;
        }
        if (GoZero.num(from.diskMb) != 0) {
            into.diskMb = from.diskMb;
        }
        if (from.networks != null && !from.networks.isEmpty()) {
            into.networks = from.networks;
        }
        if (from.devices != null && !from.devices.isEmpty()) {
            into.devices = from.devices;
        }
    }
}

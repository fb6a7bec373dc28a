package io.drover.model.validate;

import static io.drover.model.json.GoZero.bool;
import static io.drover.model.json.GoZero.lng;
import static io.drover.model.json.GoZero.num;
import static io.drover.model.json.GoZero.str;

import io.drover.model.Constraint;
import io.drover.model.EphemeralDisk;
import io.drover.model.Service;
import io.drover.model.Task;
import io.drover.model.TaskArtifact;
import io.drover.model.Template;
import io.drover.model.VolumeMount;
import io.drover.model.canonical.ConnectSidecarHook;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoZero;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nomad's {@code Task.Validate}: every problem with one task, in Nomad's order and wording. */
final class TaskValidator {
    private static final Set<String> PROPAGATION_MODES = Set.of("", VolumeMount.PROPAGATION_PRIVATE,
            VolumeMount.PROPAGATION_HOST_TO_TASK, VolumeMount.PROPAGATION_BIDIRECTIONAL);
    private static final Set<String> CSI_PLUGIN_TYPES = Set.of("node", "controller", "monolith");

    private TaskValidator() {
    }

    static List<String> validate(Task t, EphemeralDisk disk, String jobType, List<Service> groupServices) {
        Errs errs = new Errs();
        String name = str(t.name);
        if (name.isEmpty()) {
            errs.add("Missing task name");
        }
        if (name.contains("/") || name.contains("\\")) {
            errs.add("Task name cannot include slashes");
        }
        if (str(t.driver).isEmpty()) {
            errs.add("Missing task driver");
        }
        if (lng(t.killTimeout) < 0) {
            errs.add("KillTimeout must be a positive value");
        }
        if (lng(t.shutdownDelay) < 0) {
            errs.add("ShutdownDelay must be a positive value");
        }
        if (t.resources == null) {
            errs.add("Missing task resources");
        } else {
            errs.nest(TaskPartRules.resources(t.resources));
        }
        if (t.logConfig == null) {
            errs.add("Missing Log Config");
        } else {
            errs.nest(TaskPartRules.logConfig(t.logConfig));
        }
        List<Constraint> constraints = GoZero.list(t.constraints);
        for (int i = 0; i < constraints.size(); i++) {
            Constraint c = constraints.get(i);
            errs.wrap("Constraint " + (i + 1) + " validation failed: ", PlacementRules.constraint(c));
            String operand = str(c.operand);
            if (operand.equals(Constraint.DISTINCT_HOSTS) || operand.equals(Constraint.DISTINCT_PROPERTY)) {
                errs.add("Constraint " + (i + 1) + " has disallowed Operand at task level: " + operand);
            }
        }
        PlacementRules.affinities(errs, t.affinities, jobType);
        errs.nest(ServiceRules.taskServices(t));
        if (t.logConfig != null && disk != null) {
            int logUsage = num(t.logConfig.maxFiles) * num(t.logConfig.maxFileSizeMb);
            if (num(disk.sizeMb) <= logUsage) {
                errs.add("log storage (" + logUsage + " MB) must be less than requested disk capacity ("
                        + num(disk.sizeMb) + " MB)");
            }
        }
        List<TaskArtifact> artifacts = GoZero.list(t.artifacts);
        for (int i = 0; i < artifacts.size(); i++) {
            errs.wrap("Artifact " + (i + 1) + " validation failed: ", TaskPartRules.artifact(artifacts.get(i)));
        }
        if (t.vault != null) {
            errs.wrap("Vault validation failed: ", TaskPartRules.vault(t.vault));
        }
        Map<String, Integer> destinations = new HashMap<>();
        List<Template> templates = GoZero.list(t.templates);
        for (int i = 0; i < templates.size(); i++) {
            Template tmpl = templates.get(i);
            errs.wrap("Template " + (i + 1) + " validation failed: ", TaskPartRules.template(tmpl));
            Integer other = destinations.get(str(tmpl.destPath));
            if (other != null) {
                errs.add("Template " + (i + 1) + " has same destination as " + other);
            } else {
                destinations.put(str(tmpl.destPath), i + 1);
            }
        }
        if (t.dispatchPayload != null) {
            String err = TaskPartRules.dispatchPayload(t.dispatchPayload);
            if (err != null) {
                errs.add("Dispatch Payload validation failed: " + err);
            }
        }
        if (t.lifecycle != null) {
            String err = TaskPartRules.lifecycle(t.lifecycle);
            if (err != null) {
                errs.add("Lifecycle validation failed: " + err);
            }
        }
        String proxied = connectProxyService(str(t.kind));
        if (proxied != null) {
            if (t.services != null && !t.services.isEmpty()) {
                errs.add("Connect proxy task must not have a service stanza");
            }
            if (bool(t.leader)) {
                errs.add("Connect proxy task must not have leader set");
            }
            String err = connectProxyTarget(proxied, groupServices);
            if (err != null) {
                errs.add(err);
            }
        }
        List<VolumeMount> mounts = GoZero.list(t.volumeMounts);
        for (int i = 0; i < mounts.size(); i++) {
            String mode = str(mounts.get(i).propagationMode);
            if (!PROPAGATION_MODES.contains(mode)) {
                errs.add("Volume Mount (" + i + ") has an invalid propagation mode: \"" + mode + "\"");
            }
        }
        if (t.csiPluginConfig != null) {
            if (str(t.csiPluginConfig.id).isEmpty()) {
                errs.add("CSIPluginConfig must have a non-empty PluginID");
            }
            if (!CSI_PLUGIN_TYPES.contains(str(t.csiPluginConfig.type))) {
                errs.add("CSIPluginConfig PluginType must be one of 'node', 'controller', or 'monolith', got: \""
                        + str(t.csiPluginConfig.type) + "\"");
            }
        }
        return errs.list();
    }

    /** The service a {@code connect-proxy:<service>} task proxies, or null for other kinds. */
    static String connectProxyService(String kind) {
        String prefix = ConnectSidecarHook.PROXY_PREFIX + ":";
        return kind.startsWith(prefix) && kind.length() > prefix.length() ? kind.substring(prefix.length()) : null;
    }

    /** Nomad's ValidateConnectProxyService. */
    private static String connectProxyTarget(String serviceName, List<Service> groupServices) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Service svc : GoZero.list(groupServices)) {
            if (svc.connect == null || svc.connect.sidecarService == null) {
                continue;
            }
            if (serviceName.equals(svc.name)) {
                return null;
            }
            names.add(str(svc.name));
        }
        if (names.isEmpty()) {
            return "No Connect services in task group with Connect proxy (" + GoFmt.quote(serviceName) + ")";
        }
        return "Connect proxy service name (" + GoFmt.quote(serviceName)
                + ") not found in Connect services from task group: " + GoFmt.list(names);
    }
}

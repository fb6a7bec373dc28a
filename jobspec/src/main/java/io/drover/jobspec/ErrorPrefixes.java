package io.drover.jobspec;

import java.util.Map;
import java.util.Set;

/**
 * Where Nomad 0.11's job-spec parser says an error is. Each of its parse functions wraps what
 * goes wrong below it in its own words, and not uniformly ({@code group: 'web', restart -> ...}
 * but {@code group: update -> ...}; {@code service (0): 'api', check -> ...}), so the words are a
 * table here, keyed by block ({@code own}: a block's invalid keys) or by {@code parent.key} (the
 * errors of a nested block). Templates: {@code %n} the enclosing block's name (its label, or a
 * service's or check's {@code name}), {@code %c} the nested block's label, {@code %i} its index.
 */
final class ErrorPrefixes {
    /** Before a block's own invalid keys, from the parse function that checks them. */
    private static final Map<String, String> OWN = Map.ofEntries(
            Map.entry("job", "job:"),
            Map.entry("group", "'%n' ->"),
            Map.entry("resources", "resources ->"),
            Map.entry("vault", "vault ->"),
            Map.entry("network", "network ->"),
            Map.entry("device", "resources, device[%i]->"),
            Map.entry("target", "'%n' ->"),
            Map.entry("check", "check ->"),
            Map.entry("check_restart", "check_restart ->"),
            Map.entry("connect", "connect ->"),
            Map.entry("sidecar_service", "sidecar_service ->"),
            Map.entry("proxy", "proxy ->"),
            Map.entry("upstreams", "upstream ->"),
            Map.entry("expose", "expose ->"),
            Map.entry("path", "path ->"));

    /** Before every error of the nested blocks under one key (their count included). */
    private static final Map<String, String> LIST = Map.ofEntries(
            Map.entry("job.constraint", "constraint ->"),
            Map.entry("job.affinity", "affinity ->"),
            Map.entry("job.update", "update ->"),
            Map.entry("job.periodic", "periodic ->"),
            Map.entry("job.spread", "spread ->"),
            Map.entry("job.parameterized", "parameterized ->"),
            Map.entry("job.reschedule", "reschedule ->"),
            Map.entry("job.migrate", "migrate ->"),
            Map.entry("job.task", "task:"),
            Map.entry("job.group", "group:"),
            Map.entry("job.vault", "vault ->"),
            Map.entry("group.constraint", "'%n', constraint ->"),
            Map.entry("group.affinity", "'%n', affinity ->"),
            Map.entry("group.restart", "'%n', restart ->"),
            Map.entry("group.spread", "spread ->"),
            Map.entry("group.reschedule", "'%n', reschedule ->"),
            Map.entry("group.ephemeral_disk", "'%n', ephemeral_disk ->"),
            Map.entry("group.update", "update ->"),
            Map.entry("group.migrate", "migrate ->"),
            Map.entry("group.volume", "volume ->"),
            Map.entry("group.scaling", "scaling ->"),
            Map.entry("group.task", "'%n', task:"),
            Map.entry("group.vault", "'%n', vault ->"),
            Map.entry("group.service", "'%n',"),
            Map.entry("task.constraint", "constraint ->"),
            Map.entry("task.affinity", "affinity ->"),
            Map.entry("task.volume_mount", "volume_mount ->"),
            Map.entry("task.resources", "resources ->"),
            Map.entry("task.restart", "restart ->"),
            Map.entry("task.logs", "logs ->"),
            Map.entry("task.artifact", "artifact ->"),
            Map.entry("task.template", "template ->"),
            Map.entry("task.vault", "vault ->"),
            Map.entry("task.dispatch_payload", "dispatch_payload ->"),
            Map.entry("task.lifecycle", "lifecycle ->"),
            Map.entry("sidecar_task.resources", "resources ->"),
            Map.entry("sidecar_task.logs", "logs ->"),
            Map.entry("device.constraint", "constraint ->"),
            Map.entry("device.affinity", "affinity ->"),
            Map.entry("spread.target", "target ->"),
            Map.entry("service.check", "'%n',"),
            Map.entry("service.check_restart", "'%n',"),
            Map.entry("service.connect", "'%n',"),
            Map.entry("check.check_restart", "check: '%n',"));

    /** Before the errors of one nested block of a list. */
    private static final Map<String, String> ITEM = Map.of(
            "job.task", "'%c',",
            "group.task", "'%c',",
            "group.service", "service (%i):",
            "task.service", "service (%i):");

    /** Nested blocks whose errors Nomad formats into a new, plain one after these words. */
    private static final Map<String, String> FORMATTED = Map.of(
            "resources.network", "resource, ",
            "connect.sidecar_service", "sidecar_service, ",
            "connect.sidecar_task", "sidecar_task, ",
            "sidecar_service.proxy", "proxy, ");

    /** Blocks whose count the parent checks itself, so its refusal carries no LIST prefix. */
    private static final Set<String> COUNTED_BY_PARENT = Set.of("logs", "dispatch_payload", "lifecycle",
            "csi_plugin", "check_restart", "connect", "sidecar_service", "sidecar_task", "proxy", "expose");

    private ErrorPrefixes() {
    }

    static JobSpecException own(String block, String name, int index, JobSpecException e) {
        return wrap(OWN.get(block), name, null, index, e);
    }

    static JobSpecException list(String parent, String key, String parentName, JobSpecException e) {
        String at = parent + "." + key;
        JobSpecException formatted = FORMATTED.containsKey(at) ? e.formattedAfter(FORMATTED.get(at)) : e;
        return wrap(LIST.get(at), parentName, null, 0, formatted);
    }

    static JobSpecException item(String parent, String key, String label, int index, JobSpecException e) {
        return wrap(ITEM.get(parent + "." + key), null, label, index, e);
    }

    static boolean countedByParent(String key) {
        return COUNTED_BY_PARENT.contains(key);
    }

    private static JobSpecException wrap(String template, String name, String label, int index, JobSpecException e) {
        if (template == null) {
            return e;
        }
        String prefix = template.replace("%n", String.valueOf(name)).replace("%c", String.valueOf(label))
                .replace("%i", Integer.toString(index));
        return e.prefixed(prefix);
    }
}

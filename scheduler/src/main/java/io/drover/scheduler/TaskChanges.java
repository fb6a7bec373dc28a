package io.drover.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.model.Affinity;
import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.Resources;
import io.drover.model.Spread;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.json.NomadJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a task group changed in a way its running allocations cannot absorb in place (Nomad's
 * {@code tasksUpdated}): tasks added or removed, driver, user, config, env, artifacts, vault,
 * templates, meta, resources, networks (mode, bandwidth, port labels), ephemeral disk,
 * affinities or spreads. Changes to anything else (services, constraints, kill timeout, count…)
 * are applied in place.
 */
public final class TaskChanges {
    private TaskChanges() {
    }

    public static boolean tasksUpdated(Job jobA, Job jobB, String groupName) {
        TaskGroup a = jobA.lookupTaskGroup(groupName);
        TaskGroup b = jobB.lookupTaskGroup(groupName);
        if (a == null || b == null) {
            return a != b;
        }
        if (list(a.tasks).size() != list(b.tasks).size()) {
            return true;
        }
        if (!deepEqual(a.ephemeralDisk, b.ephemeralDisk)) {
            return true;
        }
        if (networkUpdated(a.networks, b.networks)) {
            return true;
        }
        if (!deepEqual(affinities(jobA, a), affinities(jobB, b))) {
            return true;
        }
        if (!deepEqual(spreads(jobA, a), spreads(jobB, b))) {
            return true;
        }
        for (Task at : list(a.tasks)) {
            Task bt = b.lookupTask(at.name);
            if (bt == null) {
                return true;
            }
            if (!Objects.equals(str(at.driver), str(bt.driver)) || !Objects.equals(str(at.user), str(bt.user))) {
                return true;
            }
            if (!deepEqual(at.config, bt.config) || !deepEqual(at.env, bt.env)
                    || !deepEqual(at.artifacts, bt.artifacts) || !deepEqual(at.vault, bt.vault)
                    || !deepEqual(at.templates, bt.templates)) {
                return true;
            }
            if (!combinedTaskMeta(jobA, a, at).equals(combinedTaskMeta(jobB, b, bt))) {
                return true;
            }
            Resources ar = at.resources == null ? new Resources() : at.resources;
            Resources br = bt.resources == null ? new Resources() : bt.resources;
            if (networkUpdated(ar.networks, br.networks)) {
                return true;
            }
            if (!Objects.equals(num(ar.cpu), num(br.cpu)) || !Objects.equals(num(ar.memoryMb), num(br.memoryMb))
                    || !deepEqual(emptyToNull(ar.devices), emptyToNull(br.devices))) {
                return true;
            }
        }
        return false;
    }

    /** Networks differ in count, or one differs in mode, bandwidth or port labels (static ports by value). */
    static boolean networkUpdated(List<NetworkResource> netA, List<NetworkResource> netB) {
        List<NetworkResource> a = list(netA);
        List<NetworkResource> b = list(netB);
        if (a.size() != b.size()) {
            return true;
        }
        for (int i = 0; i < a.size(); i++) {
            NetworkResource an = a.get(i);
            NetworkResource bn = b.get(i);
            if (!Objects.equals(str(an.mode), str(bn.mode)) || num(an.mbits) != num(bn.mbits)) {
                return true;
            }
            if (!portMap(an).equals(portMap(bn))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> portMap(NetworkResource n) {
        Map<String, Integer> m = new HashMap<>();
        for (Port p : list(n.reservedPorts)) {
            m.put(p.label, num(p.value));
        }
        for (Port p : list(n.dynamicPorts)) {
            m.put(p.label, -1);
        }
        return m;
    }

    private static List<Affinity> affinities(Job job, TaskGroup tg) {
        List<Affinity> out = new ArrayList<>(list(job.affinities));
        out.addAll(list(tg.affinities));
        for (Task t : list(tg.tasks)) {
            out.addAll(list(t.affinities));
        }
        return out;
    }

    private static List<Spread> spreads(Job job, TaskGroup tg) {
        List<Spread> out = new ArrayList<>(list(job.spreads));
        out.addAll(list(tg.spreads));
        return out;
    }

    /** Nomad's CombinedTaskMeta: the task's meta over the group's over the job's. */
    private static Map<String, String> combinedTaskMeta(Job job, TaskGroup tg, Task task) {
        Map<String, String> meta = new LinkedHashMap<>();
        if (task.meta != null) {
            meta.putAll(task.meta);
        }
        if (tg.meta != null) {
            tg.meta.forEach(meta::putIfAbsent);
        }
        if (job.meta != null) {
            job.meta.forEach(meta::putIfAbsent);
        }
        return meta;
    }

    /** Go's reflect.DeepEqual on model values, by their JSON trees. */
    private static boolean deepEqual(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        JsonNode ta = NomadJson.mapper().valueToTree(a);
        JsonNode tb = NomadJson.mapper().valueToTree(b);
        return ta.equals(tb);
    }

    private static <T> List<T> emptyToNull(List<T> l) {
        return l == null || l.isEmpty() ? null : l;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static int num(Integer i) {
        return i == null ? 0 : i;
    }
}

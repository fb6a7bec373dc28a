package io.drover.model.diff;

import io.drover.model.CheckRestart;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.connect.ConsulConnect;
import io.drover.model.connect.ConsulProxy;
import io.drover.model.connect.ConsulSidecarService;
import io.drover.model.connect.SidecarTask;
import java.util.ArrayList;
import java.util.List;

/**
 * Diffs of Consul services of groups and tasks, down to their checks and Connect sidecars
 * (Nomad's {@code serviceDiffs}, {@code serviceCheckDiffs}, {@code connectDiffs} and the
 * functions they call). Services and checks are matched by name, so they can be Edited; an
 * object that is deeply equal on both sides gives no diff, even in a contextual diff.
 *
 * <p>Object order inside a service is Nomad's: CanaryTags, Tags, checks, ConsulConnect; inside a
 * check: Header, CheckRestart.
 */
final class ServiceDiffs {
    private ServiceDiffs() {
    }

    /** The services of a group or task, matched by name, sorted. */
    static List<ObjectDiff> services(List<Service> old, List<Service> updated, boolean contextual) {
        return ObjectDiffs.matched(old, updated, s -> s.name, (o, n) -> service(o, n, contextual));
    }

    private static ObjectDiff service(Service old, Service updated, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        Service o = old == null ? new Service() : old;
        Service n = updated == null ? new Service() : updated;
        List<ObjectDiff> objects = new ArrayList<>();
        ObjectDiffs.addIfAny(objects, ObjectDiffs.stringSet(o.canaryTags, n.canaryTags, "CanaryTags", contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.stringSet(o.tags, n.tags, "Tags", contextual));
        objects.addAll(ObjectDiffs.matched(o.checks, n.checks, c -> c.name, (oc, nc) -> check(oc, nc, contextual)));
        ObjectDiffs.addIfAny(objects, connect(o.connect, n.connect, contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "Service",
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), contextual),
                objects);
    }

    private static ObjectDiff check(ServiceCheck old, ServiceCheck updated, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        List<ObjectDiff> objects = new ArrayList<>();
        ObjectDiffs.addIfAny(objects, ObjectDiffs.freeForm(old == null ? null : old.header,
                updated == null ? null : updated.header, "Header", contextual));
        ObjectDiffs.addIfAny(objects, checkRestart(old == null ? null : old.checkRestart,
                updated == null ? null : updated.checkRestart, contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "Check",
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), contextual),
                objects);
    }

    private static ObjectDiff checkRestart(CheckRestart old, CheckRestart updated, boolean contextual) {
        return ObjectDiffs.whole(old, updated, "CheckRestart", contextual);
    }

    private static ObjectDiff connect(ConsulConnect old, ConsulConnect updated, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        ConsulConnect o = old == null ? new ConsulConnect() : old;
        ConsulConnect n = updated == null ? new ConsulConnect() : updated;
        List<ObjectDiff> objects = new ArrayList<>();
        ObjectDiffs.addIfAny(objects, sidecarService(o.sidecarService, n.sidecarService, contextual));
        ObjectDiffs.addIfAny(objects, sidecarTask(o.sidecarTask, n.sidecarTask, contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "ConsulConnect",
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), contextual),
                objects);
    }

    private static ObjectDiff sidecarService(ConsulSidecarService old, ConsulSidecarService updated,
            boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        List<ObjectDiff> objects = new ArrayList<>();
        ObjectDiffs.addIfAny(objects, proxy(old == null ? null : old.proxy, updated == null ? null : updated.proxy,
                contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "SidecarService",
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), contextual),
                objects);
    }

    /** Like a task's diff, but its own scalars are never listed unchanged, as in Nomad. */
    private static ObjectDiff sidecarTask(SidecarTask old, SidecarTask updated, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        SidecarTask o = old == null ? new SidecarTask() : old;
        SidecarTask n = updated == null ? new SidecarTask() : updated;
        List<ObjectDiff> objects = new ArrayList<>();
        ObjectDiffs.addIfAny(objects, ObjectDiffs.freeForm(o.config, n.config, "Config", contextual));
        ObjectDiffs.addIfAny(objects, ResourceDiffs.resources(o.resources, n.resources, contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.primitive(o.logConfig, n.logConfig, null, "LogConfig", contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "SidecarTask",
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), false),
                objects);
    }

    private static ObjectDiff proxy(ConsulProxy old, ConsulProxy updated, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        ConsulProxy o = old == null ? new ConsulProxy() : old;
        ConsulProxy n = updated == null ? new ConsulProxy() : updated;
        List<ObjectDiff> objects = new ArrayList<>(
                ObjectDiffs.primitiveSet(o.upstreams, n.upstreams, null, "ConsulUpstreams", contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.freeForm(o.config, n.config, "Config", contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "ConsulProxy",
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), contextual),
                objects);
    }
}

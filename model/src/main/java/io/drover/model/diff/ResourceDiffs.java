package io.drover.model.diff;

import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.RequestedDevice;
import io.drover.model.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Diffs of what tasks and groups ask of a node (Nomad's {@code Resources.Diff},
 * {@code networkResourceDiffs}, {@code portDiffs}, {@code requestedDevicesDiffs}).
 *
 * <p>Networks are an unordered set matched by whole value, so a changed network is one Deleted
 * and one Added network; its Device, CIDR and IP, which the scheduler fills, are not shown. Ports
 * are matched by label and devices by name, so those can be Edited. A dynamic port's Value is not
 * shown: the scheduler picks it.
 */
final class ResourceDiffs {
    private static final Set<String> NETWORK_FILTER = Set.of("Device", "CIDR", "IP");
    private static final Set<String> DYNAMIC_PORT_FILTER = Set.of("Value");

    private ResourceDiffs() {
    }

    /** A task's (or sidecar's) resources; null when deeply equal. */
    static ObjectDiff resources(Resources old, Resources updated, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        List<ObjectDiff> objects = new ArrayList<>();
        objects.addAll(networks(old == null ? null : old.networks, updated == null ? null : updated.networks,
                contextual));
        objects.addAll(devices(old == null ? null : old.devices, updated == null ? null : updated.devices,
                contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "Resources",
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), contextual),
                objects);
    }

    /** The networks only one side has, as whole Added or Deleted networks, sorted. */
    static List<ObjectDiff> networks(List<NetworkResource> old, List<NetworkResource> updated, boolean contextual) {
        return ObjectDiffs.unmatched(old, updated, (o, n) -> network(o, n, contextual));
    }

    private static ObjectDiff network(NetworkResource old, NetworkResource updated, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        List<ObjectDiff> objects = new ArrayList<>();
        objects.addAll(ports(old == null ? null : old.reservedPorts, updated == null ? null : updated.reservedPorts,
                false, contextual));
        objects.addAll(ports(old == null ? null : old.dynamicPorts, updated == null ? null : updated.dynamicPorts,
                true, contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "Network",
                FieldDiffs.of(Flatmap.primitives(old, NETWORK_FILTER), Flatmap.primitives(updated, NETWORK_FILTER),
                        contextual),
                objects);
    }

    private static List<ObjectDiff> ports(List<Port> old, List<Port> updated, boolean dynamic, boolean contextual) {
        Set<String> filter = dynamic ? DYNAMIC_PORT_FILTER : null;
        String name = dynamic ? "Dynamic Port" : "Static Port";
        return ObjectDiffs.matched(old, updated, p -> p.label,
                (o, n) -> ObjectDiffs.primitive(o, n, filter, name, contextual));
    }

    private static List<ObjectDiff> devices(List<RequestedDevice> old, List<RequestedDevice> updated,
            boolean contextual) {
        return ObjectDiffs.matched(old, updated, d -> d.name, (o, n) -> ObjectDiffs.whole(o, n, "Device", contextual));
    }
}

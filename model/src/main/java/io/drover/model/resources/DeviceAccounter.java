package io.drover.model.resources;

import io.drover.model.alloc.AllocatedDeviceResource;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DeviceIdTuple;
import io.drover.model.json.GoZero;
import io.drover.model.node.Node;
import io.drover.model.node.NodeDeviceResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which device instances of a node are in use (Nomad's {@code structs.DeviceAccounter}). Built
 * from the node's healthy instances; allocations then mark what they hold, and a second holder
 * of one instance is a collision.
 */
public final class DeviceAccounter {
    private final Map<DeviceIdTuple, Instances> devices = new LinkedHashMap<>();

    /** Nomad's NewDeviceAccounter: the node's device groups, with only healthy instances available. */
    public DeviceAccounter(Node node) {
        List<NodeDeviceResource> groups = node.nodeResources == null ? null : node.nodeResources.devices;
        for (NodeDeviceResource d : GoZero.list(groups)) {
            Instances inst = new Instances(d);
            for (NodeDeviceResource.NodeDevice i : GoZero.list(d.instances)) {
                if (GoZero.bool(i.healthy)) {
                    inst.uses.put(i.id, 0);
                }
            }
            devices.put(d.id(), inst);
        }
    }

    /** The node's device groups and their use counts. */
    public Map<DeviceIdTuple, Instances> devices() {
        return devices;
    }

    /** Nomad's AddAllocs: marks the devices non-terminal allocations hold; true if one is held twice. */
    public boolean addAllocs(List<Allocation> allocs) {
        boolean collision = false;
        for (Allocation a : allocs) {
            if (a.terminalStatus() || a.allocatedResources == null || a.allocatedResources.tasks == null) {
                continue;
            }
            for (AllocatedTaskResources tr : a.allocatedResources.tasks.values()) {
                if (tr == null) {
                    continue;
                }
                for (AllocatedDeviceResource d : GoZero.list(tr.devices)) {
                    Instances inst = devices.get(d.id());
                    if (inst == null) {
                        continue;
                    }
                    for (String id : GoZero.list(d.deviceIds)) {
                        if (inst.use(id)) {
                            collision = true;
                        }
                    }
                }
            }
        }
        return collision;
    }

    /** Nomad's AddReserved: marks the instances of one device grant; true if one was already held. */
    public boolean addReserved(AllocatedDeviceResource res) {
        Instances inst = devices.get(res.id());
        if (inst == null) {
            return false;
        }
        boolean collision = false;
        for (String id : GoZero.list(res.deviceIds)) {
            if (inst.use(id)) {
                collision = true;
            }
        }
        return collision;
    }

    /** One device group and how many holders each of its healthy instances has (Nomad's DeviceAccounterInstance). */
    public static final class Instances {
        private final NodeDeviceResource device;
        private final Map<String, Integer> uses = new LinkedHashMap<>();

        Instances(NodeDeviceResource device) {
            this.device = device;
        }

        public NodeDeviceResource device() {
            return device;
        }

        /** Instance ID to its number of holders; 0 is free. */
        public Map<String, Integer> uses() {
            return uses;
        }

        /** Nomad's FreeCount. */
        public int freeCount() {
            int free = 0;
            for (int u : uses.values()) {
                if (u == 0) {
                    free++;
                }
            }
            return free;
        }

        /** Counts one more holder of a known instance; true if it already had one. Unknown instances are ignored. */
        private boolean use(String id) {
            Integer cur = uses.get(id);
            if (cur == null) {
                return false;
            }
            uses.put(id, cur + 1);
            return cur != 0;
        }
    }
}

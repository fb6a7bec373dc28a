package io.drover.scheduler.select;

import io.drover.model.RequestedDevice;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.node.Node;
import io.drover.model.node.NodeDeviceResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a node has enough healthy instances of the devices a group's tasks ask for
 * (Nomad's {@code DeviceChecker}), matched as {@link Devices} does. A failure is recorded as
 * {@value #FILTER_DEVICES}. Groups without devices pass every node.
 */
final class DeviceChecker implements FeasibilityChecker {
    static final String FILTER_DEVICES = "missing devices";

    private final EvalContext ctx;
    private List<RequestedDevice> required = List.of();

    DeviceChecker(EvalContext ctx) {
        this.ctx = ctx;
    }

    void setTaskGroup(TaskGroup tg) {
        List<RequestedDevice> all = new ArrayList<>();
        for (Task t : tg.tasks == null ? List.<Task>of() : tg.tasks) {
            if (t.resources != null && t.resources.devices != null) {
                all.addAll(t.resources.devices);
            }
        }
        required = all;
    }

    @Override
    public boolean feasible(Node node) {
        if (hasDevices(node)) {
            return true;
        }
        ctx.metrics().filterNode(node, FILTER_DEVICES);
        return false;
    }

    private boolean hasDevices(Node node) {
        if (required.isEmpty()) {
            return true;
        }
        if (node.nodeResources == null || node.nodeResources.devices == null || node.nodeResources.devices.isEmpty()) {
            return false;
        }
        // NodeDeviceResource keeps identity equality, so this is by group, in the node's order.
        Map<NodeDeviceResource, Long> available = new LinkedHashMap<>();
        for (NodeDeviceResource d : node.nodeResources.devices) {
            long healthy = 0;
            for (NodeDeviceResource.NodeDevice i : d.instances == null ? List.<NodeDeviceResource.NodeDevice>of() : d.instances) {
                if (Boolean.TRUE.equals(i.healthy)) {
                    healthy++;
                }
            }
            if (healthy != 0) {
                available.put(d, healthy);
            }
        }
        outer:
        for (RequestedDevice req : required) {
            long wanted = Devices.count(req);
            for (Map.Entry<NodeDeviceResource, Long> e : available.entrySet()) {
                if (e.getValue() == 0 || e.getValue() < wanted) {
                    continue;
                }
                if (Devices.matches(e.getKey(), req)) {
                    e.setValue(e.getValue() - wanted);
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }
}

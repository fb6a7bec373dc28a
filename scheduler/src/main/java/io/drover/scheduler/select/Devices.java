package io.drover.scheduler.select;

import io.drover.model.RequestedDevice;
import io.drover.model.alloc.AllocatedDeviceResource;
import io.drover.model.alloc.DeviceIdTuple;
import io.drover.model.node.NodeDeviceResource;
import io.drover.model.resources.DeviceAccounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of Nomad's device scheduling ({@code device.go}, {@code DeviceChecker}) Drover has:
 * a request matches a device group by {@code type}, {@code vendor/type} or
 * {@code vendor/type/name}, and gets that many free healthy instances of the first group that
 * has them. Device constraints and affinities are not evaluated: a request with constraints
 * matches no device, so it is never placed on a device it might not accept.
 */
final class Devices {
    private Devices() {
    }

    /** Nomad's RequestedDevice.ID. */
    static DeviceIdTuple requestedId(RequestedDevice req) {
        String[] parts = (req.name == null ? "" : req.name).split("/", 3);
        return switch (parts.length) {
            case 1 -> new DeviceIdTuple("", parts[0], "");
            case 2 -> new DeviceIdTuple(parts[0], parts[1], "");
            default -> new DeviceIdTuple(parts[0], parts[1], parts[2]);
        };
    }

    static boolean matches(NodeDeviceResource device, RequestedDevice req) {
        return device.id().matches(requestedId(req)) && (req.constraints == null || req.constraints.isEmpty());
    }

    static long count(RequestedDevice req) {
        return req.count == null ? 0 : req.count;
    }

    /** An offer of free instances for {@code req}, or the reason there is none (Nomad's texts). */
    record Offer(AllocatedDeviceResource device, String error) {
    }

    /** Nomad's AssignDevice without affinity scoring. */
    static Offer assign(DeviceAccounter accounter, RequestedDevice req) {
        if (accounter.devices().isEmpty()) {
            return new Offer(null, "no devices available");
        }
        long wanted = count(req);
        if (wanted == 0) {
            return new Offer(null, "invalid request of zero devices");
        }
        for (Map.Entry<DeviceIdTuple, DeviceAccounter.Instances> e : accounter.devices().entrySet()) {
            DeviceAccounter.Instances inst = e.getValue();
            if (inst.freeCount() < wanted || !matches(inst.device(), req)) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (Map.Entry<String, Integer> use : inst.uses().entrySet()) {
                if (use.getValue() == 0 && ids.size() < wanted) {
                    ids.add(use.getKey());
                }
            }
            DeviceIdTuple id = e.getKey();
            return new Offer(new AllocatedDeviceResource(id.vendor(), id.type(), id.name(), ids), null);
        }
        return new Offer(null, "no devices match request");
    }
}

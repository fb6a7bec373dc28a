package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.List;

/** Device instances given to a task from one device group (Nomad's {@code structs.AllocatedDeviceResource}). */
public final class AllocatedDeviceResource {
    @JsonProperty("Vendor") public String vendor = "";
    @JsonProperty("Type") public String type = "";
    @JsonProperty("Name") public String name = "";
    @JsonProperty("DeviceIDs") public List<String> deviceIds;

    public AllocatedDeviceResource() {
    }

    public AllocatedDeviceResource(String vendor, String type, String name, List<String> deviceIds) {
        this.vendor = vendor;
        this.type = type;
        this.name = name;
        this.deviceIds = deviceIds;
    }

    public DeviceIdTuple id() {
        return new DeviceIdTuple(vendor, type, name);
    }

    public AllocatedDeviceResource copy() {
        return new AllocatedDeviceResource(vendor, type, name, new ArrayList<>(GoZero.list(deviceIds)));
    }

    void add(AllocatedDeviceResource delta) {
        if (delta != null) {
            List<String> ids = new ArrayList<>(GoZero.list(deviceIds));
            ids.addAll(GoZero.list(delta.deviceIds));
            deviceIds = ids;
        }
    }

    /** Nomad's AllocatedDevices.Index: the position of the group with {@code d}'s identity, or -1. */
    static int index(List<AllocatedDeviceResource> devices, AllocatedDeviceResource d) {
        if (d != null && devices != null) {
            for (int i = 0; i < devices.size(); i++) {
                if (devices.get(i).id().equals(d.id())) {
                    return i;
                }
            }
        }
        return -1;
    }
}

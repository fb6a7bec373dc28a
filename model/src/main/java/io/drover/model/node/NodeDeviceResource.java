package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.alloc.DeviceIdTuple;
import java.util.List;
import java.util.Map;

/**
 * A group of identical devices on a node sharing vendor, type and model name (Nomad's
 * {@code structs.NodeDeviceResource}), e.g. four {@code nvidia/gpu/1080ti}.
 */
public final class NodeDeviceResource {
    @JsonProperty("Vendor") public String vendor = "";
    @JsonProperty("Type") public String type = "";
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Instances") public List<NodeDevice> instances;
    @JsonProperty("Attributes") public Map<String, DeviceAttribute> attributes;

    /** The vendor/type/name tuple that identifies the group. */
    public DeviceIdTuple id() {
        return new DeviceIdTuple(vendor, type, name);
    }

    /** One device of the group (Nomad's {@code structs.NodeDevice}). */
    public static final class NodeDevice {
        @JsonProperty("ID") public String id = "";
        @JsonProperty("Healthy") public Boolean healthy = false;
        @JsonProperty("HealthDescription") public String healthDescription = "";
        @JsonProperty("Locality") public Locality locality;

        public NodeDevice() {
        }

        public NodeDevice(String id, boolean healthy) {
            this.id = id;
            this.healthy = healthy;
        }
    }

    /** Where a device sits in the machine (Nomad's {@code structs.NodeDeviceLocality}). */
    public static final class Locality {
        @JsonProperty("PciBusID") public String pciBusId = "";
    }
}

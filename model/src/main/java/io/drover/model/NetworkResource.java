package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network a task or group asks for (Nomad's {@code structs.NetworkResource}): bandwidth and
 * ports. Ports are Go values, not pointers, in Nomad, hence the {@link GoType} annotations.
 * Device is not copied from a register body, as Nomad does not copy it.
 */
public final class NetworkResource {
    @JsonProperty("Mode") public String mode;
    @JsonProperty("Device") public String device;
    @JsonProperty("CIDR") public String cidr;
    @JsonProperty("IP") public String ip;
    @JsonProperty("MBits") public Integer mbits;
    @GoType("[]api.Port") @JsonProperty("ReservedPorts") public List<Port> reservedPorts;
    @GoType("[]api.Port") @JsonProperty("DynamicPorts") public List<Port> dynamicPorts;

    /** A deep copy, as Nomad's Copy. */
    public NetworkResource copy() {
        NetworkResource c = new NetworkResource();
        c.mode = mode;
        c.device = device;
        c.cidr = cidr;
        c.ip = ip;
        c.mbits = mbits;
        c.reservedPorts = copyPorts(reservedPorts);
        c.dynamicPorts = copyPorts(dynamicPorts);
        return c;
    }

    /** Nomad's Add: takes on {@code delta}'s ports and bandwidth, as when summing one device's usage. */
    public void add(NetworkResource delta) {
        if (delta.reservedPorts != null && !delta.reservedPorts.isEmpty()) {
            reservedPorts = concat(reservedPorts, delta.reservedPorts);
        }
        mbits = GoZero.num(mbits) + GoZero.num(delta.mbits);
        if (delta.dynamicPorts != null && !delta.dynamicPorts.isEmpty()) {
            dynamicPorts = concat(dynamicPorts, delta.dynamicPorts);
        }
    }

    /** Nomad's PortLabels: each port's label with its host port, reserved ports first. */
    public Map<String, Integer> portLabels() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Port p : GoZero.list(reservedPorts)) {
            out.put(p.label, p.value);
        }
        for (Port p : GoZero.list(dynamicPorts)) {
            out.put(p.label, p.value);
        }
        return out;
    }

    private static List<Port> copyPorts(List<Port> ports) {
        if (ports == null) {
            return null;
        }
        List<Port> out = new ArrayList<>(ports.size());
        for (Port p : ports) {
            out.add(p == null ? null : p.copy());
        }
        return out;
    }

    private static List<Port> concat(List<Port> a, List<Port> b) {
        List<Port> out = new ArrayList<>(GoZero.list(a));
        out.addAll(b);
        return out;
    }
}

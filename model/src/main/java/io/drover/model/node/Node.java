package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.drover.model.Networks;
import io.drover.model.Resources;
import io.drover.model.alloc.ComparableResources;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import io.drover.model.json.NomadJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client node that runs allocations (Nomad's {@code structs.Node}), fields in Nomad's JSON
 * order. A new instance is Go's zero value: value fields start at "", 0 or false, pointer, slice
 * and map fields at null, so a node built field by field writes as Nomad would write it.
 *
 * <p>{@link #nodeResources} and {@link #reservedResources} are what scheduling reads;
 * {@link #resources} and {@link #reserved} are the pre-0.9 shapes clients still send, read only
 * when the new ones are missing. CSI plugin details are kept as decoded JSON.
 */
public final class Node {
    public static final String STATUS_INIT = "initializing";
    public static final String STATUS_READY = "ready";
    public static final String STATUS_DOWN = "down";

    public static final String ELIGIBLE = "eligible";
    public static final String INELIGIBLE = "ineligible";

    @JsonProperty("ID") public String id = "";
    @JsonProperty("SecretID") public String secretId = "";
    @JsonProperty("Datacenter") public String datacenter = "";
    @JsonProperty("Name") public String name = "";
    @JsonProperty("HTTPAddr") public String httpAddr = "";
    @JsonProperty("TLSEnabled") public Boolean tlsEnabled = false;
    @JsonProperty("Attributes") public Map<String, String> attributes;
    @JsonProperty("NodeResources") public NodeResources nodeResources;
    @JsonProperty("ReservedResources") public NodeReservedResources reservedResources;
    @JsonProperty("Resources") public Resources resources;
    @JsonProperty("Reserved") public Resources reserved;
    @JsonProperty("Links") public Map<String, String> links;
    @JsonProperty("Meta") public Map<String, String> meta;
    @JsonProperty("NodeClass") public String nodeClass = "";
    @JsonProperty("ComputedClass") public String computedClass = "";
    @JsonProperty("Drain") public Boolean drain = false;
    @JsonProperty("DrainStrategy") public DrainStrategy drainStrategy;
    @JsonProperty("SchedulingEligibility") public String schedulingEligibility = "";
    @JsonProperty("Status") public String status = "";
    @JsonProperty("StatusDescription") public String statusDescription = "";
    /** Unix seconds. */
    @JsonProperty("StatusUpdatedAt") public Long statusUpdatedAt = 0L;
    @JsonProperty("Events") public List<NodeEvent> events;
    @JsonProperty("Drivers") public Map<String, DriverInfo> drivers;
    @JsonProperty("CSIControllerPlugins") public Map<String, JsonNode> csiControllerPlugins;
    @JsonProperty("CSINodePlugins") public Map<String, JsonNode> csiNodePlugins;
    @JsonProperty("HostVolumes") public Map<String, ClientHostVolumeConfig> hostVolumes;
    @GoType("uint64") @JsonProperty("CreateIndex") public Long createIndex = 0L;
    @GoType("uint64") @JsonProperty("ModifyIndex") public Long modifyIndex = 0L;

    /** A deep copy, through JSON. */
    public Node copy() {
        return NomadJson.copy(this, Node.class);
    }

    /**
     * Nomad's appendNodeEvents (state store): stamps {@code newEvents} with the write's index,
     * appends them and keeps the last {@link NodeEvent#MAX_RETAINED}.
     */
    public void appendEvents(long index, List<NodeEvent> newEvents) {
        List<NodeEvent> all = events == null ? new ArrayList<>() : new ArrayList<>(events);
        for (NodeEvent e : newEvents) {
            e.createIndex = index;
            all.add(e);
        }
        if (all.size() > NodeEvent.MAX_RETAINED) {
            all = new ArrayList<>(all.subList(all.size() - NodeEvent.MAX_RETAINED, all.size()));
        }
        events = all;
    }

    /** Nomad's Ready: the node is up, eligible for placements and not draining. */
    public boolean ready() {
        return STATUS_READY.equals(status) && !GoZero.bool(drain) && ELIGIBLE.equals(schedulingEligibility);
    }

    /** Nomad's TerminalStatus: the node is down. */
    public boolean terminalStatus() {
        return STATUS_DOWN.equals(status);
    }

    /** Nomad's Canonicalize: a node without an eligibility (pre-0.8 clients) is eligible unless draining. */
    public void canonicalize() {
        if (schedulingEligibility == null || schedulingEligibility.isEmpty()) {
            schedulingEligibility = GoZero.bool(drain) ? INELIGIBLE : ELIGIBLE;
        }
    }

    /**
     * Nomad's ComparableResources: the node's totals from {@link #nodeResources}, or from the
     * pre-0.9 {@link #resources}. A node with neither compares as empty (Nomad would panic).
     */
    public ComparableResources comparableResources() {
        if (nodeResources != null) {
            return nodeResources.comparable();
        }
        if (resources == null) {
            return new ComparableResources();
        }
        ComparableResources c = new ComparableResources(GoZero.num(resources.cpu), GoZero.num(resources.memoryMb),
                GoZero.num(resources.diskMb));
        c.flattened.networks = Networks.copy(resources.networks);
        return c;
    }

    /** Nomad's ComparableReservedResources: what the node keeps back, or null if it reserves nothing. */
    public ComparableResources comparableReservedResources() {
        if (reservedResources != null) {
            return reservedResources.comparable();
        }
        if (reserved == null) {
            return null;
        }
        return new ComparableResources(GoZero.num(reserved.cpu), GoZero.num(reserved.memoryMb),
                GoZero.num(reserved.diskMb));
    }

    /** Nomad's ComputeClass: sets {@link #computedClass} from the fields that make nodes interchangeable. */
    public void computeClass() {
        computedClass = NodeClass.compute(this);
    }

    /** The row of {@code GET /v1/nodes} for this node (Nomad's Stub). */
    public NodeListStub stub() {
        NodeListStub s = new NodeListStub();
        s.address = hostOf(httpAddr);
        s.id = id;
        s.datacenter = datacenter;
        s.name = name;
        s.nodeClass = nodeClass;
        s.version = attributes == null ? "" : attributes.getOrDefault("nomad.version", "");
        s.drain = drain;
        s.schedulingEligibility = schedulingEligibility;
        s.status = status;
        s.statusDescription = statusDescription;
        s.drivers = drivers;
        s.hostVolumes = hostVolumes;
        s.createIndex = createIndex;
        s.modifyIndex = modifyIndex;
        return s;
    }

    /** The host of {@code host:port} as Go's net.SplitHostPort reads it; "" where Go reports an error. */
    static String hostOf(String hostPort) {
        if (hostPort == null) {
            return "";
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return "";
        }
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close + 1 != colon || hostPort.indexOf('[', 1) >= 0) {
                return "";
            }
            return hostPort.substring(1, close);
        }
        String host = hostPort.substring(0, colon);
        if (host.indexOf(':') >= 0 || host.indexOf('[') >= 0 || host.indexOf(']') >= 0
                || hostPort.indexOf(']', colon) >= 0) {
            return "";
        }
        return host;
    }
}

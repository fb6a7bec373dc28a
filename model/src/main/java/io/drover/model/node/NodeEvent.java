package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoTime;
import io.drover.model.json.GoType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change of a node's state worth showing an operator (Nomad's {@code structs.NodeEvent}),
 * such as "Node registered". A node keeps its last {@link #MAX_RETAINED} events.
 */
public final class NodeEvent {
    /** Nomad's MaxRetainedNodeEvents. */
    public static final int MAX_RETAINED = 10;

    public static final String SUBSYSTEM_DRAIN = "Drain";
    public static final String SUBSYSTEM_DRIVER = "Driver";
    public static final String SUBSYSTEM_HEARTBEAT = "Heartbeat";
    public static final String SUBSYSTEM_CLUSTER = "Cluster";
    public static final String SUBSYSTEM_STORAGE = "Storage";

    @JsonProperty("Message") public String message = "";
    @JsonProperty("Subsystem") public String subsystem = "";
    @JsonProperty("Details") public Map<String, String> details;
    /** RFC 3339 (see {@link GoTime}). */
    @JsonProperty("Timestamp") public String timestamp;
    @GoType("uint64") @JsonProperty("CreateIndex") public Long createIndex = 0L;

    public NodeEvent() {
    }

    /** An event at {@code at}, as Nomad's NewNodeEvent().SetMessage().SetSubsystem() builds one. */
    public NodeEvent(String subsystem, String message, Instant at) {
        this.subsystem = subsystem;
        this.message = message;
        this.timestamp = GoTime.format(at);
    }

    /** Adds one detail, creating the map on first use. */
    public NodeEvent addDetail(String key, String value) {
        if (details == null) {
            details = new LinkedHashMap<>();
        }
        details.put(key, value);
        return this;
    }
}

package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import java.util.Map;

/** One row of {@code GET /v1/nodes} (Nomad's {@code structs.NodeListStub}); built by {@link Node#stub()}. */
public final class NodeListStub {
    @JsonProperty("Address") public String address = "";
    @JsonProperty("ID") public String id = "";
    @JsonProperty("Datacenter") public String datacenter = "";
    @JsonProperty("Name") public String name = "";
    @JsonProperty("NodeClass") public String nodeClass = "";
    @JsonProperty("Version") public String version = "";
    @JsonProperty("Drain") public Boolean drain = false;
    @JsonProperty("SchedulingEligibility") public String schedulingEligibility = "";
    @JsonProperty("Status") public String status = "";
    @JsonProperty("StatusDescription") public String statusDescription = "";
    @JsonProperty("Drivers") public Map<String, DriverInfo> drivers;
    @JsonProperty("HostVolumes") public Map<String, ClientHostVolumeConfig> hostVolumes;
    @GoType("uint64") @JsonProperty("CreateIndex") public Long createIndex = 0L;
    @GoType("uint64") @JsonProperty("ModifyIndex") public Long modifyIndex = 0L;
}

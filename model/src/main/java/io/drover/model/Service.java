package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.connect.ConsulConnect;
import io.drover.model.json.GoType;
import java.util.List;
import java.util.Map;

/**
 * A service registered in Consul for a task or a group (Nomad's {@code structs.Service}), fields
 * in Nomad's JSON order. The API's {@code Id} and service-wide {@code CheckRestart} are accepted
 * but not stored: canonicalization merges the latter into each check, as Nomad does. Checks are Go
 * values, not pointers, in the API struct.
 */
public final class Service {
    public static final String ADDRESS_MODE_AUTO = "auto";
    public static final String ADDRESS_MODE_HOST = "host";
    public static final String ADDRESS_MODE_DRIVER = "driver";

    @JsonProperty("Name") public String name;
    @JsonProperty("PortLabel") public String portLabel;
    @JsonProperty("AddressMode") public String addressMode;
    @JsonProperty("EnableTagOverride") public Boolean enableTagOverride;
    @JsonProperty("Tags") public List<String> tags;
    @JsonProperty("CanaryTags") public List<String> canaryTags;
    @GoType("[]api.ServiceCheck") @JsonProperty("Checks") public List<ServiceCheck> checks;
    @JsonProperty("Connect") public ConsulConnect connect;
    @JsonProperty("Meta") public Map<String, String> meta;
    @JsonProperty("CanaryMeta") public Map<String, String> canaryMeta;

    /** API only: ignored by Nomad's conversion. */
    @JsonProperty(value = "Id", access = JsonProperty.Access.WRITE_ONLY) public String apiId;
    /** API only: defaults for every check's CheckRestart. */
    @JsonProperty(value = "CheckRestart", access = JsonProperty.Access.WRITE_ONLY) public CheckRestart checkRestart;
}

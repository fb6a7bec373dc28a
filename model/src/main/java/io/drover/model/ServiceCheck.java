package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import java.util.List;
import java.util.Map;

/** A Consul health check of a service (Nomad's {@code structs.ServiceCheck}); Interval and Timeout are nanoseconds. */
public final class ServiceCheck {
    public static final String TYPE_HTTP = "http";
    public static final String TYPE_TCP = "tcp";
    public static final String TYPE_SCRIPT = "script";
    public static final String TYPE_GRPC = "grpc";

    @JsonProperty("Name") public String name;
    @JsonProperty("Type") public String type;
    @JsonProperty("Command") public String command;
    @JsonProperty("Args") public List<String> args;
    @JsonProperty("Path") public String path;
    @JsonProperty("Protocol") public String protocol;
    @JsonProperty("PortLabel") public String portLabel;
    @JsonProperty("Expose") public Boolean expose;
    @JsonProperty("AddressMode") public String addressMode;
    @GoType("time.Duration") @JsonProperty("Interval") public Long interval;
    @GoType("time.Duration") @JsonProperty("Timeout") public Long timeout;
    @JsonProperty("InitialStatus") public String initialStatus;
    @JsonProperty("TLSSkipVerify") public Boolean tlsSkipVerify;
    @JsonProperty("Method") public String method;
    @JsonProperty("Header") public Map<String, List<String>> header;
    @JsonProperty("CheckRestart") public CheckRestart checkRestart;
    @JsonProperty("GRPCService") public String grpcService;
    @JsonProperty("GRPCUseTLS") public Boolean grpcUseTls;
    @JsonProperty("TaskName") public String taskName;

    /** API only: ignored by Nomad's conversion. */
    @JsonProperty(value = "Id", access = JsonProperty.Access.WRITE_ONLY) public String apiId;

    /** Whether the check needs a port, as Nomad's RequiresPort. */
    public boolean requiresPort() {
        return TYPE_GRPC.equals(type) || TYPE_HTTP.equals(type) || TYPE_TCP.equals(type);
    }
}

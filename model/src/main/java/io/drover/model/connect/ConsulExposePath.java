package io.drover.model.connect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** One exposed path of a Connect proxy (Nomad's {@code structs.ConsulExposePath}). */
public final class ConsulExposePath {
    @JsonProperty("Path") public String path;
    @JsonProperty("Protocol") public String protocol;
    @JsonProperty("LocalPathPort") public Integer localPathPort;
    @JsonProperty("ListenerPort") public String listenerPort;

    public boolean sameAs(ConsulExposePath o) {
        return Objects.equals(path, o.path) && Objects.equals(protocol, o.protocol)
                && Objects.equals(localPathPort, o.localPathPort) && Objects.equals(listenerPort, o.listenerPort);
    }
}

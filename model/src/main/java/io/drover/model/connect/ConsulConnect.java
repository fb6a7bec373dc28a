package io.drover.model.connect;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Consul Connect settings of a group service (Nomad's {@code structs.ConsulConnect}). Drover does
 * not run Connect sidecars itself; the block is typed so it is stored exactly as Nomad stores it
 * and so a register adds the sidecar task Nomad adds.
 */
public final class ConsulConnect {
    @JsonProperty("Native") public Boolean nativeConnect;
    @JsonProperty("SidecarService") public ConsulSidecarService sidecarService;
    @JsonProperty("SidecarTask") public SidecarTask sidecarTask;

    /** Whether Nomad runs an Envoy sidecar for the service, as Nomad's HasSidecar. */
    public boolean hasSidecar() {
        return sidecarService != null;
    }
}

package io.drover.model.connect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Paths a Connect proxy exposes without mTLS, e.g. for health checks (Nomad's {@code structs.ConsulExposeConfig}). */
public final class ConsulExposeConfig {
    /** Nomad's Go field is Paths, written as Path. */
    @JsonProperty("Path") public List<ConsulExposePath> paths;
}

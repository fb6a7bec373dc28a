package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a dispatched job's payload is written for the task, relative to its local directory (Nomad's {@code structs.DispatchPayloadConfig}). */
public final class DispatchPayloadConfig {
    @JsonProperty("File") public String file;
}

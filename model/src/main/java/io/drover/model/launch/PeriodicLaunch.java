package io.drover.model.launch;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The last launch of a periodic job (Nomad's {@code structs.PeriodicLaunch}, its
 * {@code periodic_launch} table). Until the first launch it holds the time the job was
 * registered, so a leader that takes over can tell whether a launch was missed.
 */
public final class PeriodicLaunch {
    @JsonProperty("ID") public String id;
    @JsonProperty("Namespace") public String namespace;
    /** Unix nanoseconds. */
    @JsonProperty("Launch") public long launch;
    @JsonProperty("CreateIndex") public long createIndex;
    @JsonProperty("ModifyIndex") public long modifyIndex;
}

package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the scheduler would do to one task group, given room (Nomad's {@code structs.DesiredUpdates}). */
public final class DesiredUpdates {
    @GoType("uint64") @JsonProperty("Ignore") public Long ignore = 0L;
    @GoType("uint64") @JsonProperty("Place") public Long place = 0L;
    @GoType("uint64") @JsonProperty("Migrate") public Long migrate = 0L;
    @GoType("uint64") @JsonProperty("Stop") public Long stop = 0L;
    @GoType("uint64") @JsonProperty("InPlaceUpdate") public Long inPlaceUpdate = 0L;
    @GoType("uint64") @JsonProperty("DestructiveUpdate") public Long destructiveUpdate = 0L;
    @GoType("uint64") @JsonProperty("Canary") public Long canary = 0L;
    @GoType("uint64") @JsonProperty("Preemptions") public Long preemptions = 0L;

    /** Nomad's GoString, as the CLI's plan output and scheduler logs show it. */
    @Override
    public String toString() {
        return "(place " + place + ") (inplace " + inPlaceUpdate + ") (destructive " + destructiveUpdate + ") (stop "
                + stop + ") (migrate " + migrate + ") (ignore " + ignore + ") (canary " + canary + ")";
    }
}

package io.drover.model.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

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

    /** No updates at all; add to it with the {@code with} methods. */
    public static DesiredUpdates none() {
        return new DesiredUpdates();
    }

    public DesiredUpdates withIgnore(long n) {
        ignore = n;
        return this;
    }

    public DesiredUpdates withPlace(long n) {
        place = n;
        return this;
    }

    public DesiredUpdates withMigrate(long n) {
        migrate = n;
        return this;
    }

    public DesiredUpdates withStop(long n) {
        stop = n;
        return this;
    }

    public DesiredUpdates withInPlaceUpdate(long n) {
        inPlaceUpdate = n;
        return this;
    }

    public DesiredUpdates withDestructiveUpdate(long n) {
        destructiveUpdate = n;
        return this;
    }

    public DesiredUpdates withCanary(long n) {
        canary = n;
        return this;
    }

    public DesiredUpdates withPreemptions(long n) {
        preemptions = n;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesiredUpdates d && java.util.Arrays.equals(counts(), d.counts());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(counts());
    }

    private Long[] counts() {
        return new Long[] {ignore, place, migrate, stop, inPlaceUpdate, destructiveUpdate, canary, preemptions};
    }

    /** Nomad's GoString, as the CLI's plan output and scheduler logs show it. */
    @Override
    public String toString() {
        return "(place " + place + ") (inplace " + inPlaceUpdate + ") (destructive " + destructiveUpdate + ") (stop "
                + stop + ") (migrate " + migrate + ") (ignore " + ignore + ") (canary " + canary + ")";
    }
}

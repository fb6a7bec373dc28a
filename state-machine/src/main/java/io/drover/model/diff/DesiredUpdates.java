package io.drover.model.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the scheduler would do to one task group's allocations (Nomad's
 * {@code structs.DesiredUpdates}), as a plan's {@code Annotations.DesiredTGUpdates} reports it per
 * group name. Written in Nomad's field order, e.g.
 * {@code {"Ignore":1,"Place":1,"Migrate":0,"Stop":0,"InPlaceUpdate":0,"DestructiveUpdate":0,"Canary":0,"Preemptions":0}}.
 * Counts are Go uint64s and never negative.
 */
@JsonPropertyOrder({"Ignore", "Place", "Migrate", "Stop", "InPlaceUpdate", "DestructiveUpdate", "Canary",
        "Preemptions"})
public final class DesiredUpdates {
    @JsonProperty("Ignore") public final long ignore;
    @JsonProperty("Place") public final long place;
    @JsonProperty("Migrate") public final long migrate;
    @JsonProperty("Stop") public final long stop;
    @JsonProperty("InPlaceUpdate") public final long inPlaceUpdate;
    @JsonProperty("DestructiveUpdate") public final long destructiveUpdate;
    @JsonProperty("Canary") public final long canary;
    @JsonProperty("Preemptions") public final long preemptions;

    @JsonCreator
    public DesiredUpdates(@JsonProperty("Ignore") long ignore, @JsonProperty("Place") long place,
            @JsonProperty("Migrate") long migrate, @JsonProperty("Stop") long stop,
            @JsonProperty("InPlaceUpdate") long inPlaceUpdate, @JsonProperty("DestructiveUpdate") long destructiveUpdate,
            @JsonProperty("Canary") long canary, @JsonProperty("Preemptions") long preemptions) {
        this.ignore = requireCount(ignore, "Ignore");
        this.place = requireCount(place, "Place");
        this.migrate = requireCount(migrate, "Migrate");
        this.stop = requireCount(stop, "Stop");
        this.inPlaceUpdate = requireCount(inPlaceUpdate, "InPlaceUpdate");
        this.destructiveUpdate = requireCount(destructiveUpdate, "DestructiveUpdate");
        this.canary = requireCount(canary, "Canary");
        this.preemptions = requireCount(preemptions, "Preemptions");
    }

    /** No updates at all; start here and use the {@code with} methods. */
    public static DesiredUpdates none() {
        return new DesiredUpdates(0, 0, 0, 0, 0, 0, 0, 0);
    }

    public DesiredUpdates withIgnore(long n) {
        return new DesiredUpdates(n, place, migrate, stop, inPlaceUpdate, destructiveUpdate, canary, preemptions);
    }

    public DesiredUpdates withPlace(long n) {
        return new DesiredUpdates(ignore, n, migrate, stop, inPlaceUpdate, destructiveUpdate, canary, preemptions);
    }

    public DesiredUpdates withMigrate(long n) {
        return new DesiredUpdates(ignore, place, n, stop, inPlaceUpdate, destructiveUpdate, canary, preemptions);
    }

    public DesiredUpdates withStop(long n) {
        return new DesiredUpdates(ignore, place, migrate, n, inPlaceUpdate, destructiveUpdate, canary, preemptions);
    }

    public DesiredUpdates withInPlaceUpdate(long n) {
        return new DesiredUpdates(ignore, place, migrate, stop, n, destructiveUpdate, canary, preemptions);
    }

    public DesiredUpdates withDestructiveUpdate(long n) {
        return new DesiredUpdates(ignore, place, migrate, stop, inPlaceUpdate, n, canary, preemptions);
    }

    public DesiredUpdates withCanary(long n) {
        return new DesiredUpdates(ignore, place, migrate, stop, inPlaceUpdate, destructiveUpdate, n, preemptions);
    }

    public DesiredUpdates withPreemptions(long n) {
        return new DesiredUpdates(ignore, place, migrate, stop, inPlaceUpdate, destructiveUpdate, canary, n);
    }

    private static long requireCount(long n, String name) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + n);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesiredUpdates d && ignore == d.ignore && place == d.place && migrate == d.migrate
                && stop == d.stop && inPlaceUpdate == d.inPlaceUpdate && destructiveUpdate == d.destructiveUpdate
                && canary == d.canary && preemptions == d.preemptions;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(ignore, place, migrate, stop, inPlaceUpdate, destructiveUpdate, canary,
                preemptions);
    }

    @Override
    public String toString() {
        return "DesiredUpdates{ignore=" + ignore + ", place=" + place + ", migrate=" + migrate + ", stop=" + stop
                + ", inPlaceUpdate=" + inPlaceUpdate + ", destructiveUpdate=" + destructiveUpdate + ", canary="
                + canary + ", preemptions=" + preemptions + "}";
    }
}

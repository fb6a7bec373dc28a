package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoNullable;
import io.drover.model.json.ModelMerge;

/**
 * A state change the servers want for an allocation (Nomad's {@code structs.DesiredTransition}):
 * migrate it off its node, allow rescheduling it, or force rescheduling it. Each flag is a Go
 * {@code *bool}: null means "not asked".
 */
public final class DesiredTransition {
    @GoNullable @JsonProperty("Migrate") public Boolean migrate;
    @GoNullable @JsonProperty("Reschedule") public Boolean reschedule;
    @GoNullable @JsonProperty("ForceReschedule") public Boolean forceReschedule;

    /** Nomad's Merge: takes every flag {@code o} sets. */
    public void merge(DesiredTransition o) {
        if (o.migrate != null) {
            migrate = o.migrate;
        }
        if (o.reschedule != null) {
            reschedule = o.reschedule;
        }
        if (o.forceReschedule != null) {
            forceReschedule = o.forceReschedule;
        }
    }

    public boolean shouldMigrate() {
        return Boolean.TRUE.equals(migrate);
    }

    public boolean shouldReschedule() {
        return Boolean.TRUE.equals(reschedule);
    }

    public boolean shouldForceReschedule() {
        return Boolean.TRUE.equals(forceReschedule);
    }

    /** Whether no flag is set: Go's zero value, which an allocation's JSON leaves out. */
    public boolean isZero() {
        return migrate == null && reschedule == null && forceReschedule == null;
    }

    public DesiredTransition copy() {
        return ModelMerge.copy(this);
    }

    /**
     * A Jackson value filter for an {@code omitempty} field of this type: Nomad's encoder leaves
     * out a struct equal to its zero value. {@code true} means "exclude".
     */
    public static final class OmitZero {
        @Override
        public boolean equals(Object value) {
            return value == null || (value instanceof DesiredTransition d && d.isZero());
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}

package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The reschedule history an allocation carries from the allocations it replaced (Nomad's {@code structs.RescheduleTracker}), oldest first. */
public final class RescheduleTracker {
    @JsonProperty("Events") public List<RescheduleEvent> events;

    public RescheduleTracker() {
    }

    public RescheduleTracker(List<RescheduleEvent> events) {
        this.events = events;
    }
}

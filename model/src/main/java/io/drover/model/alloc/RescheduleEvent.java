package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** One earlier rescheduling of an allocation (Nomad's {@code structs.RescheduleEvent}). */
public final class RescheduleEvent {
    /** Unix nanoseconds. */
    @JsonProperty("RescheduleTime") public Long rescheduleTime = 0L;
    @JsonProperty("PrevAllocID") public String prevAllocId = "";
    @JsonProperty("PrevNodeID") public String prevNodeId = "";
    @GoType("time.Duration") @JsonProperty("Delay") public Long delay = 0L;

    public RescheduleEvent() {
    }

    public RescheduleEvent(long rescheduleTime, String prevAllocId, String prevNodeId, long delay) {
        this.rescheduleTime = rescheduleTime;
        this.prevAllocId = prevAllocId;
        this.prevNodeId = prevNodeId;
        this.delay = delay;
    }
}

package io.drover.model.scaling;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoNullable;
import io.drover.model.json.GoType;
import java.util.Map;

/**
 * One scaling action against a task group (Nomad's {@code structs.ScalingEvent}): the count it
 * asked for, if any, what the caller said about it, and the evaluation it created. Time is Unix
 * nanoseconds, stamped by the leader; CreateIndex is the index of the entry that recorded it.
 */
public final class ScalingEvent {
    @GoType("int64") @JsonProperty("Time") public long time;
    @GoNullable @GoType("int64") @JsonProperty("Count") public Long count;
    @JsonProperty("Message") public String message = "";
    @JsonProperty("Error") public boolean error;
    @JsonProperty("Meta") public Map<String, Object> meta;
    @GoNullable @JsonProperty("EvalID") public String evalId;
    @GoType("uint64") @JsonProperty("CreateIndex") public long createIndex;
}

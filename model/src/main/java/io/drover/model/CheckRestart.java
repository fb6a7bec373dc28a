package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** When failing checks restart their task (Nomad's {@code structs.CheckRestart}); Grace is nanoseconds, 1s by default. */
public final class CheckRestart {
    @JsonProperty("Limit") public Integer limit;
    @GoType("time.Duration") @JsonProperty("Grace") public Long grace;
    @JsonProperty("IgnoreWarnings") public Boolean ignoreWarnings;

    public CheckRestart copy() {
        CheckRestart c = new CheckRestart();
        c.limit = limit;
        c.grace = grace;
        c.ignoreWarnings = ignoreWarnings;
        return c;
    }
}

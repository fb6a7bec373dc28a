package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** How a failed task is restarted in place (Nomad's {@code structs.RestartPolicy}); durations in nanoseconds. */
public final class RestartPolicy {
    public static final String MODE_DELAY = "delay";
    public static final String MODE_FAIL = "fail";

    @JsonProperty("Attempts") public Integer attempts;
    @GoType("time.Duration") @JsonProperty("Interval") public Long interval;
    @GoType("time.Duration") @JsonProperty("Delay") public Long delay;
    @JsonProperty("Mode") public String mode;

    public RestartPolicy() {
    }

    public RestartPolicy(int attempts, long interval, long delay, String mode) {
        this.attempts = attempts;
        this.interval = interval;
        this.delay = delay;
        this.mode = mode;
    }

    public RestartPolicy copy() {
        RestartPolicy c = new RestartPolicy();
        c.attempts = attempts;
        c.interval = interval;
        c.delay = delay;
        c.mode = mode;
        return c;
    }
}

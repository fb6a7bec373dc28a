package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoTime;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import java.time.Instant;

/**
 * How a node is being drained (Nomad's {@code structs.DrainStrategy}, with the embedded
 * {@code DrainSpec} fields inlined as Go writes them). A negative {@link #deadline} forces the
 * drain now, zero means no deadline, positive ends the drain at {@link #forceDeadline}.
 */
public final class DrainStrategy {
    @GoType("time.Duration") @JsonProperty("Deadline") public Long deadline = 0L;
    @JsonProperty("IgnoreSystemJobs") public Boolean ignoreSystemJobs = false;
    /** RFC 3339 (see {@link GoTime}); null is Go's zero time. */
    @JsonProperty("ForceDeadline") public String forceDeadline;
    /** RFC 3339 (see {@link GoTime}); null is Go's zero time. */
    @JsonProperty("StartedAt") public String startedAt;

    /** Nomad's DeadlineTime: whether the drain has no deadline, and if it has one, when it is forced (null: now). */
    public Deadline deadlineTime() {
        long d = GoZero.lng(deadline);
        if (d < 0) {
            return new Deadline(false, null);
        }
        if (d == 0) {
            return new Deadline(true, null);
        }
        return new Deadline(false, GoTime.parse(forceDeadline));
    }

    /** The result of {@link #deadlineTime()}; a null {@code forcedAt} with {@code infinite} false means "force now". */
    public record Deadline(boolean infinite, Instant forcedAt) {
    }
}

package io.drover.server.leader;

import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * The non-deterministic parts of a write (IDs and times), made on the leader before the
 * command enters the log so that applying it is deterministic.
 */
public final class Stamps {
    private final Clock clock;
    private final Random random;

    public Stamps(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    public String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}

package io.drover.cluster.fault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A replayable list of faults, made from a seed: the same seed gives the same faults, targets
 * (by role: the leader, or the n-th follower, as found when the fault strikes) and durations.
 * Every round of {@link Kind#values()} faults strikes each kind once, in a shuffled order, so a
 * run of a few rounds meets every kind.
 */
record FaultSchedule(long seed, List<Step> steps) {
    /** The faults real servers meet. */
    enum Kind {
        /** kill -9 of one server, started again after a moment. */
        KILL,
        /** SIGSTOP of one server for 2-8 s (a long GC pause, a frozen VM), then SIGCONT. */
        PAUSE,
        /** SIGTERM of one server (an operator's restart), started again. */
        TERM,
        /** kill -9 of two servers: no quorum, then both back. */
        NO_QUORUM,
        /** kill -9 of every server at once (a power cut), then all back. */
        FULL_KILL,
        /** A follower down while the others snapshot and purge their logs: it must install a snapshot. */
        SNAPSHOT_CATCHUP,
        /** One server cannot reach another (connections it opens are cut); the other way works. */
        PARTITION_ONE_WAY,
        /** One server cut off from both others, both ways. */
        ISOLATE
    }

    /**
     * One fault.
     *
     * @param targetLeader whether it strikes the leader (else a follower)
     * @param pick which follower (modulo their number), or which other server for two-server faults
     * @param holdMillis how long the fault lasts before it heals
     */
    record Step(int number, Kind kind, boolean targetLeader, int pick, long holdMillis) {
        @Override
        public String toString() {
            return "#" + number + " " + kind + (kind == Kind.FULL_KILL ? "" : targetLeader ? " of the leader"
                    : " of follower " + pick) + " for " + holdMillis + " ms";
        }
    }

    static FaultSchedule generate(long seed, int count) {
        return generate(seed, count, List.of(Kind.values()));
    }

    /** A schedule of only {@code kinds} (to replay or study one kind of fault). */
    static FaultSchedule generate(long seed, int count, List<Kind> kinds) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        List<Kind> round = new ArrayList<>();
        while (steps.size() < count) {
            if (round.isEmpty()) {
                round.addAll(kinds);
                Collections.shuffle(round, random);
            }
            Kind kind = round.remove(0);
            boolean leader = kind != Kind.SNAPSHOT_CATCHUP && random.nextBoolean();
            steps.add(new Step(steps.size() + 1, kind, leader, random.nextInt(2), hold(kind, random)));
        }
        return new FaultSchedule(seed, List.copyOf(steps));
    }

    private static long hold(Kind kind, Random random) {
        return switch (kind) {
            case PAUSE -> 2_000 + random.nextInt(6_001);
            case PARTITION_ONE_WAY, ISOLATE -> 2_000 + random.nextInt(4_001);
            case NO_QUORUM -> 2_000 + random.nextInt(3_001);
            case KILL, TERM, FULL_KILL -> 300 + random.nextInt(2_701);
            case SNAPSHOT_CATCHUP -> 0;
        };
    }
}

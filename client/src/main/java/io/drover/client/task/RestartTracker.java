package io.drover.client.task;

import io.drover.client.driver.ExitResult;
import io.drover.model.Job;
import io.drover.model.RestartPolicy;
import io.drover.model.TaskLifecycleConfig;
import io.drover.model.json.GoFmt;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Nomad's restart tracker: after a task ended (or failed to start), decides whether it is
 * restarted and after how long, from the restart policy. Within an interval up to
 * {@code Attempts} restarts are allowed, each after {@code Delay} plus up to 25% jitter; past
 * them, mode {@code fail} gives up and mode {@code delay} waits for the interval to end. A batch
 * task that exits successfully is done; a service task is restarted even then. Killed tasks
 * are never restarted.
 */
public final class RestartTracker {
    /** What to do with a task that ended. */
    public enum Decision {
        /** Dead, successfully: nothing to restart. */
        TERMINATED,
        /** Dead and failed: the policy allows no further restart. */
        NOT_RESTARTING,
        /** Start it again after {@link Outcome#delayNanos()}. */
        RESTARTING,
        /** It was killed: dead, not failed. */
        KILLED
    }

    /** @param reason Nomad's restart reason, "" for none */
    public record Outcome(Decision decision, long delayNanos, String reason) {
    }

    /**
     * How much of the policy is used: {@code count} ends (restarts and the attempt that may
     * follow) in the interval that began at {@code intervalStart}. Kept across agent restarts.
     */
    public record Usage(int count, Instant intervalStart) {
        public Usage {
            Objects.requireNonNull(intervalStart, "intervalStart");
        }
    }

    public static final String REASON_NO_RESTARTS = "Policy allows no restarts";
    public static final String REASON_UNRECOVERABLE = "Error was unrecoverable";
    public static final String REASON_WITHIN_POLICY = "Restart within policy";
    public static final String REASON_DELAY = "Exceeded allowed attempts, applying a delay";
    public static final String REASON_SUCCESS = "Restart unnecessary as task terminated successfully";
    private static final double JITTER = 0.25;

    private final RestartPolicy policy;
    private final boolean restartOnSuccess;
    private final Supplier<Instant> clock;
    private final Random random;
    private Instant intervalStart;
    private int count;

    /**
     * @param policy the task's restart policy (Nomad's defaults for {@code jobType} when null)
     * @param jobType the job's type: batch tasks are not restarted after succeeding
     */
    public RestartTracker(RestartPolicy policy, String jobType, Supplier<Instant> clock, Random random) {
        this(policy, jobType, null, clock, random);
    }

    /**
     * @param lifecycle the task's lifecycle, when it has one: a prestart task is restarted after
     *     succeeding only when it is a sidecar, whatever the job's type
     */
    public RestartTracker(RestartPolicy policy, String jobType, TaskLifecycleConfig lifecycle, Supplier<Instant> clock,
            Random random) {
        this.policy = policy != null ? policy : defaults(jobType);
        this.restartOnSuccess = lifecycle != null && TaskLifecycleConfig.HOOK_PRESTART.equals(lifecycle.hook)
                ? Boolean.TRUE.equals(lifecycle.sidecar)
                : !Job.TYPE_BATCH.equals(jobType);
        this.clock = clock;
        this.random = random;
        this.intervalStart = clock.get();
    }

    /** What {@link #resume} needs to go on counting where this tracker is. */
    public Usage usage() {
        return new Usage(count, intervalStart);
    }

    /** Goes on from what an earlier tracker of the same task had used (before the agent restarted). */
    public void resume(Usage used) {
        count = used.count();
        intervalStart = used.intervalStart();
    }

    /** The task exited with {@code result}. */
    public Outcome exited(ExitResult result) {
        return decide(result, null);
    }

    /** The task could not be started. */
    public Outcome startFailed(boolean recoverable) {
        return decide(null, recoverable);
    }

    public Outcome killed() {
        return new Outcome(Decision.KILLED, 0, "");
    }

    private Outcome decide(ExitResult result, Boolean recoverable) {
        boolean success = result != null && result.successful();
        if (attempts() == 0) {
            return !restartOnSuccess && success ? new Outcome(Decision.TERMINATED, 0, REASON_NO_RESTARTS)
                    : new Outcome(Decision.NOT_RESTARTING, 0, REASON_NO_RESTARTS);
        }
        Instant now = clock.get();
        if (now.isAfter(intervalStart.plusNanos(interval()))) {
            count = 0;
            intervalStart = now;
        }
        count++;
        if (recoverable != null && !recoverable) {
            return new Outcome(Decision.NOT_RESTARTING, 0, REASON_UNRECOVERABLE);
        }
        if (success && !restartOnSuccess) {
            return new Outcome(Decision.TERMINATED, 0, REASON_SUCCESS);
        }
        if (count > attempts()) {
            if (RestartPolicy.MODE_FAIL.equals(policy.mode)) {
                return new Outcome(Decision.NOT_RESTARTING, 0, "Exceeded allowed attempts " + attempts()
                        + " in interval " + GoFmt.duration(interval()) + " and mode is \"fail\"");
            }
            long untilIntervalEnds = Duration.between(now, intervalStart.plusNanos(interval())).toNanos();
            return new Outcome(Decision.RESTARTING, Math.max(0, untilIntervalEnds), REASON_DELAY);
        }
        return new Outcome(Decision.RESTARTING, jittered(), REASON_WITHIN_POLICY);
    }

    private long jittered() {
        long d = policy.delay == null || policy.delay <= 0 ? 1 : policy.delay;
        return d + (long) ((random.nextDouble() * d) * JITTER);
    }

    private int attempts() {
        return policy.attempts == null ? 0 : policy.attempts;
    }

    private long interval() {
        return policy.interval == null ? 0 : policy.interval;
    }

    /** Nomad's default restart policies, for a task whose job did not go through canonicalization. */
    static RestartPolicy defaults(String jobType) {
        long second = 1_000_000_000L;
        if (Job.TYPE_BATCH.equals(jobType)) {
            return new RestartPolicy(3, 24 * 3600 * second, 15 * second, RestartPolicy.MODE_FAIL);
        }
        return new RestartPolicy(2, 30 * 60 * second, 15 * second, RestartPolicy.MODE_FAIL);
    }
}

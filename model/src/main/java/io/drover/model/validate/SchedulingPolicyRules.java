package io.drover.model.validate;

import static io.drover.model.json.GoFmt.SECOND;
import static io.drover.model.json.GoFmt.duration;
import static io.drover.model.json.GoZero.bool;
import static io.drover.model.json.GoZero.lng;
import static io.drover.model.json.GoZero.num;
import static io.drover.model.json.GoZero.str;

import io.drover.model.MigrateStrategy;
import io.drover.model.ReschedulePolicy;
import io.drover.model.RestartPolicy;
import io.drover.model.UpdateStrategy;
import io.drover.model.json.GoFmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Nomad's validation of a group's scheduling policies: {@code RestartPolicy.Validate},
 * {@code ReschedulePolicy.Validate} (with its viability arithmetic), {@code UpdateStrategy.Validate}
 * and {@code MigrateStrategy.Validate}. Each returns its multierror's entries, empty when valid.
 */
final class SchedulingPolicyRules {
    static final long RESTART_MIN_INTERVAL = 5 * SECOND;
    static final long RESCHEDULE_MIN_INTERVAL = 15 * SECOND;
    static final long RESCHEDULE_MIN_DELAY = 5 * SECOND;
    static final List<String> DELAY_FUNCTIONS = List.of("constant", "exponential", "fibonacci");

    private SchedulingPolicyRules() {
    }

    static List<String> restart(RestartPolicy r) {
        Errs errs = new Errs();
        String mode = str(r.mode);
        int attempts = num(r.attempts);
        long interval = lng(r.interval);
        long delay = lng(r.delay);
        if (!mode.equals(RestartPolicy.MODE_DELAY) && !mode.equals(RestartPolicy.MODE_FAIL)) {
            errs.add("Unsupported restart mode: " + GoFmt.quote(mode));
        }
        if (attempts == 0 && !mode.equals(RestartPolicy.MODE_FAIL)) {
            errs.add("Restart policy " + GoFmt.quote(mode) + " with " + attempts + " attempts is ambiguous");
        }
        if (interval < RESTART_MIN_INTERVAL) {
            errs.add("Interval can not be less than " + duration(RESTART_MIN_INTERVAL) + " (got " + duration(interval) + ")");
        }
        if ((long) attempts * delay > interval) {
            errs.add("Nomad can't restart the TaskGroup " + attempts + " times in an interval of " + duration(interval)
                    + " with a delay of " + duration(delay));
        }
        return errs.list();
    }

    static List<String> reschedule(ReschedulePolicy r) {
        if (!r.isEnabled()) {
            return List.of();
        }
        Errs errs = new Errs();
        int attempts = num(r.attempts);
        long interval = lng(r.interval);
        long delay = lng(r.delay);
        long maxDelay = lng(r.maxDelay);
        String fn = str(r.delayFunction);
        boolean unlimited = bool(r.unlimited);
        if (attempts > 0) {
            if (interval <= 0) {
                errs.add("Interval must be a non zero value if Attempts > 0");
            }
            if (unlimited) {
                errs.add("Reschedule Policy with Attempts = " + attempts + ", Interval = " + duration(interval)
                        + ", and Unlimited = true is ambiguous");
                errs.add("If Attempts >0, Unlimited cannot also be set to true");
            }
        }
        boolean delayPreCheck = true;
        if (delay < RESCHEDULE_MIN_DELAY) {
            errs.add("Delay cannot be less than " + duration(RESCHEDULE_MIN_DELAY) + " (got " + duration(delay) + ")");
            delayPreCheck = false;
        }
        if (!DELAY_FUNCTIONS.contains(fn)) {
            errs.add("Invalid delay function " + GoFmt.quote(fn) + ", must be one of " + GoFmt.quotedList(DELAY_FUNCTIONS));
            delayPreCheck = false;
        }
        if (!fn.equals("constant")) {
            if (maxDelay < RESCHEDULE_MIN_DELAY) {
                // Nomad reports the delay here, not the max delay.
                errs.add("Max Delay cannot be less than " + duration(RESCHEDULE_MIN_DELAY) + " (got " + duration(delay) + ")");
                delayPreCheck = false;
            }
            if (maxDelay < delay) {
                errs.add("Max Delay cannot be less than Delay " + duration(delay) + " (got " + duration(maxDelay) + ")");
                delayPreCheck = false;
            }
        }
        if (!unlimited) {
            if (interval < RESCHEDULE_MIN_INTERVAL) {
                errs.add("Interval cannot be less than " + duration(RESCHEDULE_MIN_INTERVAL) + " (got " + duration(interval) + ")");
            }
            if (!delayPreCheck) {
                return errs.list();
            }
            errs.flatten(delayParams(attempts, interval, delay, maxDelay, fn));
        }
        return errs.list();
    }

    /** Nomad's validateDelayParams: whether the attempts fit in the interval with this delay progression. */
    private static List<String> delayParams(int attempts, long interval, long delay, long maxDelay, String fn) {
        long possible = 0;
        long recommended = 0;
        boolean valid = true;
        switch (fn) {
            case "constant" -> {
                recommended = (long) attempts * delay;
                if (interval < recommended) {
                    possible = interval / delay;
                    valid = false;
                }
            }
            case "exponential" -> {
                for (int i = 0; i < attempts; i++) {
                    long next = goDurationOfFloat(Math.pow(2, i)) * delay;
                    if (next > maxDelay) {
                        next = maxDelay;
                        recommended += next;
                    } else {
                        recommended = next;
                    }
                    if (recommended < interval) {
                        possible++;
                    }
                }
                if (possible < attempts) {
                    valid = false;
                }
            }
            case "fibonacci" -> {
                List<Long> slots = new ArrayList<>(List.of(delay, delay));
                boolean ceiling = false;
                for (int i = 2; i < attempts; i++) {
                    long next;
                    if (ceiling) {
                        next = slots.get(i - 1) + maxDelay;
                    } else {
                        next = slots.get(i - 1) + slots.get(i - 2);
                        if (next > maxDelay) {
                            next = maxDelay;
                            ceiling = true;
                        }
                    }
                    slots.add(next);
                }
                recommended = slots.get(slots.size() - 1);
                if (interval < recommended) {
                    valid = false;
                    for (int i = 0; i < slots.size(); i++) {
                        if (slots.get(i) > interval) {
                            possible = i;
                            break;
                        }
                    }
                }
            }
            default -> {
                return List.of();
            }
        }
        if (possible < 0) {
            possible = 0;
        }
        if (valid) {
            return List.of();
        }
        Errs errs = new Errs();
        if (fn.equals("constant")) {
            errs.add("Nomad can only make " + possible + " attempts in " + duration(interval) + " with initial delay "
                    + duration(delay) + " and delay function " + GoFmt.quote(fn));
        } else {
            errs.add("Nomad can only make " + possible + " attempts in " + duration(interval) + " with initial delay "
                    + duration(delay) + ", delay function " + GoFmt.quote(fn) + ", and delay ceiling " + duration(maxDelay));
        }
        errs.add("Set the interval to at least " + duration(GoFmt.roundDuration(recommended, SECOND)) + " to accommodate "
                + attempts + " attempts");
        return errs.list();
    }

    /** Go's {@code time.Duration(f)} on amd64: out-of-range floats become the minimum int64. */
    private static long goDurationOfFloat(double f) {
        if (f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    static List<String> update(UpdateStrategy u) {
        Errs errs = new Errs();
        String hc = str(u.healthCheck);
        int maxParallel = num(u.maxParallel);
        int canary = num(u.canary);
        long minHealthy = lng(u.minHealthyTime);
        long healthyDeadline = lng(u.healthyDeadline);
        long progressDeadline = lng(u.progressDeadline);
        long stagger = lng(u.stagger);
        if (!hc.equals(UpdateStrategy.HEALTH_CHECK_CHECKS) && !hc.equals(UpdateStrategy.HEALTH_CHECK_TASK_STATES)
                && !hc.equals(UpdateStrategy.HEALTH_CHECK_MANUAL)) {
            errs.add("Invalid health check given: " + GoFmt.quote(hc));
        }
        if (maxParallel < 0) {
            errs.add("Max parallel can not be less than zero: " + maxParallel + " < 0");
        }
        if (canary < 0) {
            errs.add("Canary count can not be less than zero: " + canary + " < 0");
        }
        if (canary == 0 && bool(u.autoPromote)) {
            errs.add("Auto Promote requires a Canary count greater than zero");
        }
        if (minHealthy < 0) {
            errs.add("Minimum healthy time may not be less than zero: " + duration(minHealthy));
        }
        if (healthyDeadline <= 0) {
            errs.add("Healthy deadline must be greater than zero: " + duration(healthyDeadline));
        }
        if (progressDeadline < 0) {
            errs.add("Progress deadline must be zero or greater: " + duration(progressDeadline));
        }
        if (minHealthy >= healthyDeadline) {
            errs.add("Minimum healthy time must be less than healthy deadline: " + duration(minHealthy) + " > "
                    + duration(healthyDeadline));
        }
        if (progressDeadline != 0 && healthyDeadline >= progressDeadline) {
            errs.add("Healthy deadline must be less than progress deadline: " + duration(healthyDeadline) + " > "
                    + duration(progressDeadline));
        }
        if (stagger <= 0) {
            errs.add("Stagger must be greater than zero: " + duration(stagger));
        }
        return errs.list();
    }

    static List<String> migrate(MigrateStrategy m) {
        Errs errs = new Errs();
        int maxParallel = num(m.maxParallel);
        String hc = str(m.healthCheck);
        long minHealthy = lng(m.minHealthyTime);
        long healthyDeadline = lng(m.healthyDeadline);
        if (maxParallel < 0) {
            errs.add("MaxParallel must be >= 0 but found " + maxParallel);
        }
        switch (hc) {
            case "checks", "task_states" -> {
            }
            case "" -> {
                if (maxParallel > 0) {
                    errs.add("Missing HealthCheck");
                }
            }
            default -> errs.add("Invalid HealthCheck: " + GoFmt.quote(hc));
        }
        if (minHealthy < 0) {
            errs.add("MinHealthyTime is " + duration(minHealthy) + " and must be >= 0");
        }
        if (healthyDeadline < 0) {
            errs.add("HealthyDeadline is " + duration(healthyDeadline) + " and must be >= 0");
        }
        if (minHealthy > healthyDeadline) {
            errs.add("MinHealthyTime must be less than HealthyDeadline");
        }
        return errs.list();
    }
}

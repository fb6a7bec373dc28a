package io.drover.model.scaling;

import io.drover.model.ScalingPolicy;
import io.drover.model.TaskGroup;

/**
 * Whether a scaling action's count fits the group's scaling policy, with the message later
 * Nomad versions answer (0.11 did not check; the issue asks for it). The policy's bounds hold
 * whether or not it is enabled: Enabled only tells autoscalers whether to act.
 */
public final class ScalingBounds {
    private ScalingBounds() {
    }

    /** Null if {@code count} is allowed for {@code group}, else why not. */
    public static String violation(TaskGroup group, long count) {
        ScalingPolicy policy = group.scaling;
        if (policy == null) {
            return null;
        }
        long min = policy.min == null ? 0 : policy.min;
        if (count < min) {
            return "group count was less than scaling policy minimum: " + count + " < " + min;
        }
        // Go's int64: an unset Max is 0 (validation requires one on register).
        long max = policy.max == null ? 0 : policy.max;
        if (max < count) {
            return "group count was greater than scaling policy maximum: " + count + " > " + max;
        }
        return null;
    }
}

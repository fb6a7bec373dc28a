package io.drover.model.scaling;

import io.drover.model.Job;
import io.drover.model.ScalingPolicy;
import io.drover.model.TaskGroup;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Nomad's propagateScalingPolicyIDs: a register keeps the ID of each group's scaling policy from
 * the job's previous version (matched by group name) and gives new policies a fresh UUID, so a
 * policy keeps its identity across job versions.
 */
public final class ScalingPolicyIds {
    private ScalingPolicyIds() {
    }

    /** Sets the policy IDs of {@code updated}; {@code existing} is null for a new job. */
    public static void propagate(Job existing, Job updated) {
        Map<String, String> previous = new HashMap<>();
        if (existing != null && existing.taskGroups != null) {
            for (TaskGroup tg : existing.taskGroups) {
                if (tg.scaling != null && tg.scaling.target != null) {
                    previous.put(tg.scaling.target.get(ScalingPolicy.TARGET_GROUP), tg.scaling.id);
                }
            }
        }
        if (updated.taskGroups == null) {
            return;
        }
        for (TaskGroup tg : updated.taskGroups) {
            if (tg.scaling == null) {
                continue;
            }
            String group = tg.scaling.target == null ? null : tg.scaling.target.get(ScalingPolicy.TARGET_GROUP);
            String id = previous.get(group);
            tg.scaling.id = id != null ? id : UUID.randomUUID().toString();
        }
    }
}

package io.drover.http;

import io.drover.model.alloc.AllocMetric;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.PlanAnnotations;
import java.util.List;
import java.util.Map;

/**
 * What a {@link JobPlanner} found: the scheduler's part of Nomad's {@code JobPlanResponse}. The
 * gateway adds the diff, the warnings and the index itself.
 *
 * @param annotations the plan's annotations (desired updates per group, preemptions); null if none
 * @param failedTgAllocs placement failures by task group; null if none
 * @param createdEvals evaluations the scheduler would create (blocked, follow-ups); null if none
 * @param jobModifyIndex the stored job's JobModifyIndex, 0 for a job not registered yet; also the
 *     answer's {@code Index}, as in Nomad
 * @param nextPeriodicLaunch for an enabled periodic job, its next launch (RFC 3339); null otherwise,
 *     which Nomad shows as {@code null} (its zero time)
 */
public record PlanOutcome(PlanAnnotations annotations, Map<String, AllocMetric> failedTgAllocs,
        List<Evaluation> createdEvals, long jobModifyIndex, String nextPeriodicLaunch) {
}

package io.drover.scheduler;

import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import java.util.List;

/**
 * What a job plan (dry run) would do: the scheduler's plan with its annotations, the
 * evaluation as the scheduler left it (FailedTGAllocs), the evaluations it would create, and
 * the JobModifyIndex of the job as stored (0 for a new job), for a later check-and-set register.
 */
public record DryRunResult(Plan plan, Evaluation updatedEval, List<Evaluation> createdEvals, long jobModifyIndex) {
}

package io.drover.http;

import io.drover.model.Job;
import io.drover.state.StateReader;

/**
 * The dry run behind {@code POST /v1/job/:id/plan}: what the scheduler would do if the job were
 * registered now. The server supplies the real one (it runs the scheduler against a copy of the
 * state); the gateway never depends on the scheduler itself.
 */
@FunctionalInterface
public interface JobPlanner {
    /**
     * Plans {@code job} against {@code state} without changing anything.
     *
     * @param state a consistent view, open for the duration of the call
     * @param job the submitted job, canonicalized and validated exactly as a register would be
     * @throws RuntimeException when the scheduler cannot plan the job; the gateway answers 500
     *     with its message, as Nomad does
     */
    PlanOutcome plan(StateReader state, Job job);
}

package io.drover.scheduler;

import io.drover.model.scheduling.Evaluation;

/**
 * Processes one evaluation against the state it was built with (Nomad's
 * {@code scheduler.Scheduler}): reconciles, plans, submits through the {@link Planner} and
 * records the evaluation's outcome there.
 */
public interface Scheduler {
    void process(Evaluation eval) throws SchedulerException;
}

package io.drover.server.scheduling;

import io.drover.scheduler.Planner;
import io.drover.scheduler.Scheduler;
import io.drover.scheduler.SchedulerEnv;
import io.drover.scheduler.SchedulerException;
import io.drover.state.StateReader;

/** Creates the scheduler for an evaluation's type (service, batch, system). */
@FunctionalInterface
public interface SchedulerFactory {
    Scheduler create(String type, StateReader state, Planner planner, SchedulerEnv env) throws SchedulerException;
}

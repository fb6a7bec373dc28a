package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.scheduler.generic.GenericScheduler;
import io.drover.scheduler.system.SystemScheduler;
import io.drover.state.StateReader;

/** Nomad's NewScheduler: the scheduler for a job type. */
public final class Schedulers {
    private Schedulers() {
    }

    /** The scheduler for {@code type} with Nomad's stacks ({@link StackFactory#NOMAD}). */
    public static Scheduler forType(String type, StateReader state, Planner planner, SchedulerEnv env)
            throws SchedulerException {
        return forType(type, state, planner, env, StackFactory.NOMAD);
    }

    /**
     * The scheduler for {@code type} with the given stacks.
     *
     * @throws SchedulerException for a type no scheduler handles
     */
    public static Scheduler forType(String type, StateReader state, Planner planner, SchedulerEnv env,
            StackFactory stacks) throws SchedulerException {
        if (type == null) {
            throw new SchedulerException("unknown scheduler 'null'");
        }
        return switch (type) {
            case Job.TYPE_SERVICE -> new GenericScheduler(false, state, planner, env, stacks);
            case Job.TYPE_BATCH -> new GenericScheduler(true, state, planner, env, stacks);
            case Job.TYPE_SYSTEM -> new SystemScheduler(state, planner, env, stacks);
            default -> throw new SchedulerException("unknown scheduler '" + type + "'");
        };
    }
}

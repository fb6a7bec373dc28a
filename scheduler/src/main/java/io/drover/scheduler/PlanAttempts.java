package io.drover.scheduler;

import io.drover.model.scheduling.PlanResult;

/**
 * Nomad's retryMax: runs one scheduling pass until it reports done, allowing {@code max}
 * passes in a row that commit nothing; a pass that commits anything starts the count again.
 */
public final class PlanAttempts {
    /** One scheduling pass: true when finished, false to plan again on fresher state. */
    @FunctionalInterface
    public interface Pass {
        boolean run() throws SchedulerException;
    }

    private PlanAttempts() {
    }

    /**
     * @param lastResult what the latest pass committed, asked after each unfinished pass
     * @throws MaxAttemptsException when {@code max} passes in a row made no progress
     */
    public static void retryMax(int max, Pass pass, java.util.function.Supplier<PlanResult> lastResult)
            throws SchedulerException {
        int attempts = 0;
        while (attempts < max) {
            if (pass.run()) {
                return;
            }
            if (progressMade(lastResult.get())) {
                attempts = 0;
            } else {
                attempts++;
            }
        }
        throw new MaxAttemptsException(max);
    }

    /** Nomad's progressMade: the applier committed a stop, a placement or a deployment change. */
    public static boolean progressMade(PlanResult r) {
        return r != null && ((r.nodeUpdate != null && !r.nodeUpdate.isEmpty())
                || (r.nodeAllocation != null && !r.nodeAllocation.isEmpty()) || r.deployment != null
                || (r.deploymentUpdates != null && !r.deploymentUpdates.isEmpty()));
    }

    /** The scheduler gave up: the evaluation is marked failed with this message (Nomad's SetStatusError). */
    public static final class MaxAttemptsException extends SchedulerException {
        public MaxAttemptsException(int max) {
            super("maximum attempts reached (" + max + ")");
        }
    }
}

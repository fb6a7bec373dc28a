package io.drover.model.validate;

import io.drover.model.Job;
import io.drover.model.TaskGroup;

/**
 * A later Nomad's {@code server.job_max_count} (1.11, added "to keep Nomad server from running out
 * of memory"): the most instances a job may ask for, its groups' counts summed. A plan holds every
 * placement in memory, and before this a plan or register of a group with a count of two billion
 * took a server's whole heap. The words are Nomad's.
 */
public final class JobMaxCount {
    /** Nomad's default. */
    public static final int DEFAULT = 50_000;

    private JobMaxCount() {
    }

    /** Null if the job's groups, summed, stay within {@code max} (0: no limit), else why not. */
    public static String violation(Job job, int max) {
        long total = 0;
        if (job.taskGroups != null) {
            for (TaskGroup group : job.taskGroups) {
                if (group != null && group.count != null) {
                    total += group.count;
                }
            }
        }
        return violation(total, max);
    }

    /** Null if {@code total} instances stay within {@code max} (0: no limit), else why not. */
    public static String violation(long total, int max) {
        if (max > 0 && total > max) {
            return "total count was greater than configured job_max_count: " + total + " > " + max;
        }
        return null;
    }
}

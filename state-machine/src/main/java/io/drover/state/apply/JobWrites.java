package io.drover.state.apply;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.TaskGroup;
import io.drover.state.rocks.StateTxn;
import java.util.List;
import java.util.Optional;

/**
 * Stores and removes jobs with everything that hangs off them (versions, summaries, status), as
 * Nomad's state store does, so every command that changes a job keeps them consistent.
 */
final class JobWrites {
    private JobWrites() {
    }

    /**
     * Inserts or updates {@code job} at this entry's index. Unless {@code keepVersion}, an update
     * is a new version: Version+1 and JobModifyIndex = index.
     */
    static void upsert(StateTxn txn, Job job, boolean keepVersion) {
        long index = txn.index();
        Optional<Job> existing = txn.job(job.namespace, job.id);
        if (existing.isPresent()) {
            job.createIndex = existing.get().createIndex;
            job.modifyIndex = index;
            if (!keepVersion) {
                job.jobModifyIndex = index;
                job.version = existing.get().version + 1;
            }
            job.status = JobStatus.of(txn, job, false);
        } else {
            job.createIndex = index;
            job.modifyIndex = index;
            job.jobModifyIndex = index;
            job.version = 0L;
            job.status = JobStatus.of(txn, job, false);
            JobStatus.countChild(txn, job, "", job.status);
        }
        updateSummary(txn, job);
        txn.putJobAndVersion(job);
        trimVersions(txn, job);
    }

    /** Removes a job, its versions, its summary and its scaling events; a child counts as dead for its parent. */
    static boolean delete(StateTxn txn, String namespace, String jobId) {
        Optional<Job> existing = txn.job(namespace, jobId);
        if (existing.isEmpty()) {
            return false;
        }
        Job job = existing.get();
        if (!Job.STATUS_DEAD.equals(job.status)) {
            JobStatus.countChild(txn, job, job.status, Job.STATUS_DEAD);
        }
        txn.deleteJob(namespace, jobId);
        for (Job v : txn.jobVersions(namespace, jobId)) {
            txn.deleteJobVersion(namespace, jobId, v.version);
        }
        txn.deleteJobSummary(namespace, jobId);
        if (txn.scalingEvents(namespace, jobId).isPresent()) {
            txn.deleteScalingEvents(namespace, jobId);
        }
        if (txn.periodicLaunch(namespace, jobId).isPresent()) {
            txn.deletePeriodicLaunch(namespace, jobId);
        }
        return true;
    }

    /** Adds a zero summary for every task group the summary lacks (creating the summary if needed). */
    private static void updateSummary(StateTxn txn, Job job) {
        Optional<JobSummary> stored = txn.jobSummary(job.namespace, job.id);
        JobSummary summary = stored.orElseGet(() -> {
            JobSummary s = new JobSummary();
            s.jobId = job.id;
            s.namespace = job.namespace;
            s.createIndex = txn.index();
            return s;
        });
        boolean changed = stored.isEmpty();
        if (job.taskGroups != null) {
            for (TaskGroup tg : job.taskGroups) {
                if (!summary.summary.containsKey(tg.name)) {
                    summary.summary.put(tg.name, new JobSummary.TaskGroupSummary());
                    changed = true;
                }
            }
        }
        if (changed) {
            summary.modifyIndex = txn.index();
            txn.putJobSummary(summary);
        }
    }

    /**
     * Keeps at most {@link Job#TRACKED_VERSIONS} versions: the oldest goes, but the newest stable
     * version is kept even if it is the oldest.
     */
    private static void trimVersions(StateTxn txn, Job job) {
        int max = Job.TRACKED_VERSIONS;
        // Versions are numbered from 0, so a job at version v has at most v + 1 of them.
        if (job.version < max || txn.jobVersionCount(job.namespace, job.id) <= max) {
            return;
        }
        List<Job> all = txn.jobVersions(job.namespace, job.id);
        int stable = -1;
        for (int i = 0; i < all.size(); i++) {
            if (Boolean.TRUE.equals(all.get(i).stable)) {
                stable = i;
                break;
            }
        }
        Job drop = stable == max ? all.get(max - 1) : all.get(max);
        txn.deleteJobVersion(job.namespace, job.id, drop.version);
    }
}

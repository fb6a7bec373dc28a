package io.drover.http.routes;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.launch.JobPayload;
import io.drover.model.resources.LegacyResources;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jobs, and allocations with their jobs, as the HTTP API shows them. A dispatched job's {@code Payload} is stored Snappy-compressed,
 * as Nomad stores it and as nodes receive it, but a client reading the job gets back the bytes it
 * dispatched, as from Nomad's job and allocation reads. Every route that answers a job (or an
 * allocation with its job) passes it through here; the stored job is shared by readers, so the
 * decoded one is a copy.
 */
final class AnsweredJobs {
    private AnsweredJobs() {
    }

    /** The job with its payload decoded; the job itself when it has none. */
    static Job job(Job job) {
        if (job == null || job.payload == null || job.payload.length == 0) {
            return job;
        }
        Job answered = job.copy();
        answered.payload = JobPayload.decompress(job.payload);
        return answered;
    }

    static List<Job> jobs(List<Job> jobs) {
        return jobs.stream().map(AnsweredJobs::job).toList();
    }

    /**
     * The allocation (the reader's own, so ours to change) with its job's payload decoded, and
     * its pre-0.9 resource numbers filled in if it was stored before Drover wrote them.
     */
    static Allocation allocation(Allocation alloc) {
        alloc.job = job(alloc.job);
        LegacyResources.fillAnswered(alloc);
        return alloc;
    }

    /** Allocations with their jobs' payloads decoded, each job once however many allocations share it. */
    static List<Allocation> allocations(List<Allocation> allocs) {
        Map<Job, Job> decoded = new IdentityHashMap<>();
        for (Allocation alloc : allocs) {
            LegacyResources.fillAnswered(alloc);
            if (alloc.job != null) {
                alloc.job = decoded.computeIfAbsent(alloc.job, AnsweredJobs::job);
            }
        }
        return allocs;
    }
}

package io.drover.http.routes;

import io.drover.http.core.GoBool;
import io.drover.http.core.HttpError;
import io.drover.http.query.QueryResult;
import io.drover.http.query.ReadEndpoint;
import io.drover.http.query.StateQuery;
import io.drover.model.Job;
import io.drover.model.JobListStub;
import io.drover.model.JobSummary;
import io.drover.model.alloc.Allocation;
import io.drover.model.diff.JobDiff;
import io.drover.model.diff.JobDiffs;
import io.drover.model.scaling.JobScaleStatus;
import io.drover.model.scaling.JobScalingEvents;
import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job reads. Each answers with the index Nomad's endpoint reports: an object's ModifyIndex
 * when it exists, else the index of the table it lives in; a list, the index of its tables.
 */
final class JobReads {
    private JobReads() {
    }

    /** {@code GET /v1/jobs}: stubs with summaries, at the highest of the jobs and summaries indexes. */
    static ReadEndpoint list() {
        return (request, options) -> StateQuery.of(
                QueryKeys.of("jobs", options.namespace(), options.prefix()),
                List.of(Table.JOBS, Table.JOB_SUMMARIES), reader -> {
                    List<JobListStub> stubs = reader.jobListStubs(options.namespace(), options.prefix());
                    return QueryResult.ok(reader.maxIndex(Table.JOBS, Table.JOB_SUMMARIES), stubs);
                });
    }

    /** {@code GET /v1/job/:id}. */
    static ReadEndpoint job(String jobId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("job", options.namespace(), jobId),
                List.of(Table.JOBS), reader -> {
                    Optional<Job> job = reader.job(options.namespace(), jobId);
                    return job.map(j -> QueryResult.ok(modifyIndex(j.modifyIndex), AnsweredJobs.job(j)))
                            .orElseGet(() -> QueryResult.notFound(reader.tableIndex(Table.JOBS), "job not found"));
                });
    }

    /**
     * {@code GET /v1/job/:id/versions}: an object with the versions, newest first, and Diffs;
     * like Nomad's, its body also carries the query meta. With {@code ?diffs=true}, Diffs holds
     * the contextual diff of each version against the one before it, newest first: one fewer
     * than the versions, null when there is only one (Nomad's GetJobVersions).
     */
    static ReadEndpoint versions(String jobId) {
        return (request, options) -> {
            boolean diffs = GoBool.queryFlag(request, "diffs");
            return StateQuery.of(QueryKeys.of("versions", options.namespace(), jobId, Boolean.toString(diffs)),
                    List.of(Table.JOB_VERSIONS), reader -> {
                        List<Job> versions = reader.jobVersions(options.namespace(), jobId);
                        if (versions.isEmpty()) {
                            return QueryResult.notFound(reader.tableIndex(Table.JOB_VERSIONS),
                                    "job versions not found");
                        }
                        List<JobDiff> versionDiffs = diffs ? versionDiffs(versions) : null;
                        return QueryResult.okWithMeta(modifyIndex(versions.get(0).modifyIndex), meta -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("Versions", AnsweredJobs.jobs(versions));
                            body.put("Diffs", versionDiffs);
                            body.put("Index", meta.index());
                            body.put("LastContact", meta.lastContactMillis());
                            body.put("KnownLeader", meta.knownLeader());
                            return body;
                        });
                    });
        };
    }

    /** {@code GET /v1/job/:id/summary}. */
    static ReadEndpoint summary(String jobId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("summary", options.namespace(), jobId),
                List.of(Table.JOB_SUMMARIES), reader -> {
                    Optional<JobSummary> summary = reader.jobSummary(options.namespace(), jobId);
                    return summary.map(s -> QueryResult.ok(s.modifyIndex, s)).orElseGet(
                            () -> QueryResult.notFound(reader.tableIndex(Table.JOB_SUMMARIES), "job not found"));
                });
    }

    /**
     * {@code GET /v1/job/:id/scale}: the job's scale status, at the highest of the job's, its
     * events' and its counted allocations' ModifyIndex; blocks on the tables those live in.
     */
    static ReadEndpoint scaleStatus(String jobId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("scale", options.namespace(), jobId),
                List.of(Table.JOBS, Table.ALLOCS, Table.SCALING_EVENT), reader -> {
                    Optional<Job> job = reader.job(options.namespace(), jobId);
                    if (job.isEmpty()) {
                        return QueryResult.notFound(reader.tableIndex(Table.JOBS), "job not found");
                    }
                    JobScalingEvents events = reader.scalingEvents(options.namespace(), jobId).orElse(null);
                    List<Allocation> allocs = reader.allocationsOfJob(options.namespace(), jobId, false);
                    return QueryResult.ok(JobScaleStatus.index(job.get(), events, allocs),
                            JobScaleStatus.of(job.get(), events, allocs));
                });
    }

    /** {@code GET /v1/job/:id/evaluations}: at the evals table index, [] for an unknown job. */
    static ReadEndpoint evaluations(String jobId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("job-evals", options.namespace(), jobId),
                List.of(Table.EVALS), reader -> QueryResult.ok(reader.tableIndex(Table.EVALS),
                        reader.evaluationsOfJob(options.namespace(), jobId)));
    }

    /** {@code GET /v1/job/:id/deployments}: none are stored yet; [] at the deployment table index. */
    static ReadEndpoint deployments(String jobId) {
        return emptyList(Table.DEPLOYMENTS);
    }

    /** {@code GET /v1/job/:id/deployment}: the latest deployment; null while none are stored. */
    static ReadEndpoint latestDeployment(String jobId) {
        return (request, options) -> StateQuery.of(QueryKeys.of("latest-deployment"), List.of(Table.DEPLOYMENTS),
                reader -> QueryResult.ok(reader.tableIndex(Table.DEPLOYMENTS), null));
    }

    /** A list of objects the state does not hold yet: always [], at the index of their table. */
    static ReadEndpoint emptyList(Table table) {
        return (request, options) -> StateQuery.of(QueryKeys.of("empty", table.nomadName()), List.of(table),
                (StateReader reader) -> QueryResult.ok(reader.tableIndex(table), List.of()));
    }

    private static List<JobDiff> versionDiffs(List<Job> newestFirst) {
        try {
            return JobDiffs.versions(newestFirst);
        } catch (IllegalArgumentException e) {
            throw new HttpError(500, "failed to create job diff: " + e.getMessage());
        }
    }

    private static long modifyIndex(Long index) {
        return index == null ? 0 : index;
    }
}

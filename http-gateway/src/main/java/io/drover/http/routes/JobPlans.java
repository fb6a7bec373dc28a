package io.drover.http.routes;

import io.drover.http.Cluster;
import io.drover.http.JobPlanner;
import io.drover.http.PlanOutcome;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Headers;
import io.drover.http.core.HttpError;
import io.drover.http.core.Json;
import io.drover.http.core.Reply;
import io.drover.http.query.QueryOptions;
import io.drover.model.Job;
import io.drover.model.diff.JobDiff;
import io.drover.model.diff.JobDiffs;
import io.drover.model.diff.PlanAnnotator;
import io.drover.model.validate.JobWarnings;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code POST /v1/job/:id/plan}: what registering the job would do, changing nothing. The job
 * is checked and prepared exactly as a register prepares it; the {@link JobPlanner} does the dry
 * run; the diff against the stored job, annotated with the plan, and Nomad's answer are made
 * here.
 *
 * <p>Nomad plans on the leader. This gateway plans against its own state: at once on the leader,
 * and on a follower after a linearizable barrier, so the state it plans against is at least as
 * new as the leader's when the request arrived.
 */
final class JobPlans {
    private final Cluster cluster;
    private final StateStore store;
    private final JobPlanner planner;
    private final Executor executor;
    private final int jobMaxCount;

    JobPlans(Cluster cluster, StateStore store, JobPlanner planner, Executor executor, int jobMaxCount) {
        this.cluster = cluster;
        this.store = store;
        this.planner = planner;
        this.executor = executor;
        this.jobMaxCount = jobMaxCount;
    }

    CompletableFuture<Reply> plan(GatewayRequest request, String pathJobId) {
        RequestBodies.JobPlan body = RequestBodies.decode(request, RequestBodies.JobPlan.class);
        if (body.job == null) {
            throw HttpError.badRequest("Job must be specified");
        }
        Job job = body.job;
        if (job.id == null) {
            throw HttpError.badRequest("Job must have a valid ID");
        }
        if (!pathJobId.isEmpty() && !job.id.equals(pathJobId)) {
            throw HttpError.badRequest("Job ID does not match");
        }
        SubmittedJobs.prepare(job, request, cluster.agent().region(), jobMaxCount);
        boolean pretty = QueryOptions.pretty(request);
        if (cluster.contact().leader()) {
            return CompletableFuture.completedFuture(answer(job, body.diff, pretty));
        }
        return cluster.linearizableBarrier().thenApplyAsync(ignored -> answer(job, body.diff, pretty), executor);
    }

    private Reply answer(Job job, boolean withDiff, boolean pretty) {
        try (StateReader reader = store.reader()) {
            // The diff is taken before the planner sees the job, which it may stamp as it plans.
            JobDiff diff = withDiff ? diff(reader.job(job.namespace, job.id).orElse(null), job) : null;
            String warnings = JobWarnings.format(job);
            PlanOutcome outcome = planner.plan(reader, job);
            if (diff != null) {
                diff = annotate(diff, outcome);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Annotations", outcome.annotations());
            body.put("FailedTGAllocs", outcome.failedTgAllocs());
            body.put("JobModifyIndex", outcome.jobModifyIndex());
            body.put("CreatedEvals", outcome.createdEvals());
            body.put("Diff", diff);
            body.put("NextPeriodicLaunch", outcome.nextPeriodicLaunch());
            body.put("Warnings", warnings);
            body.put("Index", outcome.jobModifyIndex());
            // Like Nomad's, the answer sets only the index header, as writes do.
            return Reply.json(200, Json.render(body, pretty))
                    .withHeader(Headers.NOMAD_INDEX, Long.toString(outcome.jobModifyIndex()));
        }
    }

    private static JobDiff diff(Job stored, Job submitted) {
        try {
            return JobDiffs.diff(stored, submitted, true);
        } catch (IllegalArgumentException e) {
            throw new HttpError(500, "failed to create job diff: " + e.getMessage());
        }
    }

    private static JobDiff annotate(JobDiff diff, PlanOutcome outcome) {
        try {
            return PlanAnnotator.annotate(diff,
                    outcome.annotations() == null ? null : outcome.annotations().desiredTgUpdates);
        } catch (IllegalArgumentException e) {
            throw new HttpError(500, "failed to annotate job diff: " + e.getMessage());
        }
    }
}

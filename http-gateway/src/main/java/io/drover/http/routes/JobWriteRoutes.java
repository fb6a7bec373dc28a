package io.drover.http.routes;

import com.google.protobuf.ByteString;
import io.drover.http.Cluster;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.GoBool;
import io.drover.http.core.HttpError;
import io.drover.http.core.Regions;
import io.drover.http.core.Reply;
import io.drover.model.Job;
import io.drover.model.ScalingPolicy;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.NomadJson;
import io.drover.proto.rpc.JobDeregisterRequest;
import io.drover.proto.rpc.JobDispatchRequest;
import io.drover.proto.rpc.JobEvaluateRequest;
import io.drover.proto.rpc.JobRegisterRequest;
import io.drover.proto.rpc.JobRevertRequest;
import io.drover.proto.rpc.JobScaleRequest;
import io.drover.proto.rpc.JobStabilityRequest;
import io.drover.proto.rpc.PeriodicForceRequest;
import io.drover.proto.rpc.WriteRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The job writes. Each checks its request as Nomad's HTTP agent does, with Nomad's messages, then
 * hands one {@link WriteRequest} to the cluster; what the leader decides (conflicts, unknown
 * jobs) comes back in the result. Invalid input is a 400 here, where Nomad sometimes says 500.
 */
final class JobWriteRoutes {
    private final Cluster cluster;
    private final WriteSubmitter writes;
    private final int jobMaxCount;

    JobWriteRoutes(Cluster cluster, WriteSubmitter writes, int jobMaxCount) {
        this.cluster = cluster;
        this.writes = writes;
        this.jobMaxCount = jobMaxCount;
    }

    /**
     * {@code POST /v1/jobs} and {@code POST /v1/job/:id}.
     *
     * @param pathJobId the ID in the path, or null for {@code /v1/jobs}
     */
    CompletableFuture<Reply> register(GatewayRequest request, String pathJobId) {
        JobRegisterBody body = RequestBodies.decode(request, JobRegisterBody.class);
        if (body.job == null) {
            throw HttpError.badRequest("Job must be specified");
        }
        Job job = body.job;
        if (job.id == null) {
            throw HttpError.badRequest("Job ID hasn't been provided");
        }
        if (pathJobId != null && !pathJobId.isEmpty() && !job.id.equals(pathJobId)) {
            throw HttpError.badRequest("Job ID does not match name");
        }
        SubmittedJobs.prepare(job, request, cluster.agent().region(), jobMaxCount);
        JobRegisterRequest.Builder register = JobRegisterRequest.newBuilder()
                .setJobJson(ByteString.copyFrom(NomadJson.write(job)))
                .setEnforceIndex(Boolean.TRUE.equals(body.enforceIndex))
                .setJobModifyIndex(body.jobModifyIndex == null ? 0 : body.jobModifyIndex)
                .setPolicyOverride(Boolean.TRUE.equals(body.policyOverride))
                .setPreserveCounts(Boolean.TRUE.equals(body.preserveCounts));
        return writes.submit(request, WriteRequest.newBuilder().setJobRegister(register), WriteResults::register);
    }

    /** {@code DELETE /v1/job/:id}, with {@code ?purge=}. */
    CompletableFuture<Reply> deregister(GatewayRequest request, String jobId) {
        boolean purge = GoBool.queryFlag(request, "purge");
        Regions.check(request.query("region"), cluster.agent().region());
        PathIds.require(jobId, "missing job ID for deregistering");
        JobDeregisterRequest deregister = JobDeregisterRequest.newBuilder().setNamespace(RequestNamespace.of(request))
                .setJobId(jobId).setPurge(purge).build();
        return writes.submit(request, WriteRequest.newBuilder().setJobDeregister(deregister), WriteResults::deregister);
    }

    /** {@code POST /v1/job/:id/revert}. */
    CompletableFuture<Reply> revert(GatewayRequest request, String jobId) {
        RequestBodies.JobRevert body = RequestBodies.decode(request, RequestBodies.JobRevert.class);
        checkBodyJobId(body.jobId, jobId);
        Regions.check(request.query("region"), cluster.agent().region());
        PathIds.require(jobId, "missing job ID for revert");
        JobRevertRequest.Builder revert = JobRevertRequest.newBuilder().setNamespace(RequestNamespace.of(request))
                .setJobId(jobId).setJobVersion(body.jobVersion);
        if (body.enforcePriorVersion != null) {
            revert.setHasEnforcePriorVersion(true).setEnforcePriorVersion(body.enforcePriorVersion);
        }
        return writes.submit(request, WriteRequest.newBuilder().setJobRevert(revert), WriteResults::revert);
    }

    /** {@code POST /v1/job/:id/stable}. */
    CompletableFuture<Reply> stable(GatewayRequest request, String jobId) {
        RequestBodies.JobStability body = RequestBodies.decode(request, RequestBodies.JobStability.class);
        checkBodyJobId(body.jobId, jobId);
        Regions.check(request.query("region"), cluster.agent().region());
        PathIds.require(jobId, "missing job ID for marking job as stable");
        JobStabilityRequest stability = JobStabilityRequest.newBuilder().setNamespace(RequestNamespace.of(request))
                .setJobId(jobId).setJobVersion(body.jobVersion).setStable(body.stable).build();
        return writes.submit(request, WriteRequest.newBuilder().setJobStability(stability), WriteResults::stability);
    }

    /**
     * {@code POST /v1/job/:id/evaluate}. The body is optional, as in Nomad; when sent it must name
     * the job, and may carry {@code EvalOptions.ForceReschedule}.
     */
    CompletableFuture<Reply> evaluate(GatewayRequest request, String pathJobId) {
        String jobId = pathJobId;
        boolean forceReschedule = false;
        if (request.body().length > 0) {
            RequestBodies.JobEvaluate body = RequestBodies.decode(request, RequestBodies.JobEvaluate.class);
            if (body.jobId == null || body.jobId.isEmpty()) {
                throw HttpError.badRequest("Job ID must be specified");
            }
            if (!pathJobId.isEmpty() && !body.jobId.equals(pathJobId)) {
                throw HttpError.badRequest("JobID not same as job name");
            }
            jobId = body.jobId;
            forceReschedule = body.evalOptions != null && body.evalOptions.forceReschedule;
        }
        Regions.check(request.query("region"), cluster.agent().region());
        PathIds.require(jobId, "missing job ID for evaluation");
        JobEvaluateRequest evaluate = JobEvaluateRequest.newBuilder().setNamespace(RequestNamespace.of(request))
                .setJobId(jobId).setForceReschedule(forceReschedule).build();
        return writes.submit(request, WriteRequest.newBuilder().setJobEvaluate(evaluate), WriteResults::register);
    }

    /**
     * {@code POST /v1/job/:id/scale}. The checks Nomad's agent and endpoint make before looking
     * at the job; the job, the group and the bounds are the leader's to check. The event's message
     * and error come in 0.11.3's form or its docs' ({@link ScalingEventText}).
     */
    CompletableFuture<Reply> scale(GatewayRequest request, String jobId) {
        RequestBodies.JobScale body = RequestBodies.decode(request, RequestBodies.JobScale.class);
        // Read with the body: an Error of neither form is a decoding error, as Go's would be.
        ScalingEventText event = ScalingEventText.of(body);
        Map<String, String> target = body.target == null ? Map.of() : body.target;
        String targetJob = target.getOrDefault(ScalingPolicy.TARGET_JOB, "");
        if (!targetJob.isEmpty() && !targetJob.equals(jobId)) {
            throw HttpError.badRequest("job ID in payload did not match URL");
        }
        Regions.check(request.query("region"), cluster.agent().region());
        String namespace = RequestNamespace.of(request);
        String targetNamespace = target.getOrDefault(ScalingPolicy.TARGET_NAMESPACE, "");
        if (!targetNamespace.isEmpty() && !targetNamespace.equals(namespace)) {
            throw HttpError.badRequest("namespace in payload did not match header");
        }
        String group = target.getOrDefault(ScalingPolicy.TARGET_GROUP, "");
        if (group.isEmpty()) {
            throw HttpError.badRequest("missing task group name for scaling action");
        }
        if (event.error() && body.count != null) {
            throw HttpError.badRequest("scaling action should not contain count if error is true");
        }
        if (body.count != null && body.count < 0) {
            throw HttpError.badRequest("scaling action count can't be negative");
        }
        if (body.count != null && body.count > Integer.MAX_VALUE) {
            // Go's int is 64 bits, ours 32: refused with the words Nomad has for an int overflow.
            throw HttpError.badRequest("new scaling count is too large for TaskGroup.Count (int): " + body.count);
        }
        if (PathIds.missing(jobId)) {
            // Nomad has no words for a missing ID here: its lookup of the job finds none.
            throw new HttpError(404, "job \"" + jobId + "\" not found");
        }
        JobScaleRequest.Builder scale = JobScaleRequest.newBuilder().setNamespace(namespace).setJobId(jobId)
                .setGroup(group).setMessage(event.message()).setError(event.error())
                .setPolicyOverride(body.policyOverride);
        if (body.count != null) {
            scale.setHasCount(true).setCount(body.count);
        }
        if (body.meta != null) {
            scale.setMetaJson(ByteString.copyFrom(NomadJson.write(body.meta)));
        }
        return writes.submit(request, WriteRequest.newBuilder().setJobScale(scale), WriteResults::scale);
    }

    /**
     * {@code POST /v1/job/:id/dispatch}. The leader checks the payload and meta against the
     * parameterized job, so its refusals come back as 400s with Nomad's texts.
     */
    CompletableFuture<Reply> dispatch(GatewayRequest request, String pathJobId) {
        RequestBodies.JobDispatch body = RequestBodies.decode(request, RequestBodies.JobDispatch.class);
        if (body.jobId != null && !body.jobId.isEmpty() && !body.jobId.equals(pathJobId)) {
            throw HttpError.badRequest("Job ID does not match");
        }
        Regions.check(request.query("region"), cluster.agent().region());
        PathIds.require(pathJobId, "missing parameterized job ID");
        JobDispatchRequest.Builder dispatch = JobDispatchRequest.newBuilder().setNamespace(RequestNamespace.of(request))
                .setJobId(pathJobId);
        if (body.payload != null) {
            dispatch.setPayload(ByteString.copyFrom(body.payload));
        }
        if (body.meta != null) {
            dispatch.putAllMeta(body.meta);
        }
        if (body.idempotencyToken != null) {
            dispatch.setIdempotencyToken(body.idempotencyToken);
        }
        return writes.submit(request, WriteRequest.newBuilder().setJobDispatch(dispatch), WriteResults::dispatch);
    }

    /** {@code POST|PUT /v1/job/:id/periodic/force}: launches the periodic job now, even over ProhibitOverlap. */
    CompletableFuture<Reply> periodicForce(GatewayRequest request, String pathJobId) {
        Regions.check(request.query("region"), cluster.agent().region());
        // Nomad's Periodic.Force says so, in these words.
        PathIds.require(pathJobId, "missing job ID for evaluation");
        PeriodicForceRequest force = PeriodicForceRequest.newBuilder().setNamespace(RequestNamespace.of(request))
                .setJobId(pathJobId).build();
        return writes.submit(request, WriteRequest.newBuilder().setPeriodicForce(force), WriteResults::periodicForce);
    }

    private static void checkBodyJobId(String bodyJobId, String pathJobId) {
        if (bodyJobId == null || bodyJobId.isEmpty()) {
            throw HttpError.badRequest("JobID must be specified");
        }
        if (!bodyJobId.equals(pathJobId)) {
            throw HttpError.badRequest("Job ID does not match");
        }
    }
}

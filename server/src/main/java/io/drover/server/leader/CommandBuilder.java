package io.drover.server.leader;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.json.NomadJson;
import io.drover.model.launch.JobDispatch;
import io.drover.model.scaling.ScalingBounds;
import io.drover.model.scaling.ScalingEvent;
import io.drover.model.scaling.ScalingPolicyIds;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.validate.JobMaxCount;
import io.drover.model.validate.JobWarnings;
import io.drover.proto.raft.AllocDesiredTransitionCommand;
import io.drover.proto.raft.EvalCreateCommand;
import io.drover.proto.raft.JobDeregisterCommand;
import io.drover.proto.raft.JobDispatchCommand;
import io.drover.proto.raft.JobRegisterCommand;
import io.drover.proto.raft.JobScaleCommand;
import io.drover.proto.raft.JobStabilityCommand;
import io.drover.proto.raft.PeriodicLaunchCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.ReadBarrierCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.JobDeregisterRequest;
import io.drover.proto.rpc.JobDispatchRequest;
import io.drover.proto.rpc.JobEvaluateRequest;
import io.drover.proto.rpc.JobRegisterRequest;
import io.drover.proto.rpc.JobRevertRequest;
import io.drover.proto.rpc.JobScaleRequest;
import io.drover.proto.rpc.JobStabilityRequest;
import io.drover.proto.rpc.PeriodicForceRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.gc.GcCutoffs;
import io.drover.server.gc.GcSelector;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a decoded write into the Raft command that carries it, as Nomad's job endpoint does
 * before its raft apply: looks up what the request refers to, refuses what cannot be done, and
 * stamps evaluation IDs and times. Conditions that must hold atomically (check-and-set) are
 * carried into the command and checked again when it applies.
 */
final class CommandBuilder {
    private final StateStore state;
    private final Stamps stamps;
    private final NodeCommandBuilder nodes;
    private final int jobMaxCount;
    private final ServerAnnouncements servers;

    CommandBuilder(StateStore state, Stamps stamps) {
        this(state, stamps, JobMaxCount.DEFAULT);
    }

    /**
     * A builder that knows no Raft members, so it refuses every server announcement.
     * @param jobMaxCount the most instances a job may be scaled to, all groups summed; 0 for no limit
     */
    CommandBuilder(StateStore state, Stamps stamps, int jobMaxCount) {
        this(state, stamps, jobMaxCount, peerId -> Optional.empty());
    }

    /**
     * @param jobMaxCount the most instances a job may be scaled to, all groups summed; 0 for no limit
     * @param memberAddress the Raft address of a current member of the Raft configuration, by peer ID
     */
    CommandBuilder(StateStore state, Stamps stamps, int jobMaxCount,
            Function<String, Optional<String>> memberAddress) {
        this.state = state;
        this.stamps = stamps;
        this.nodes = new NodeCommandBuilder(stamps);
        this.jobMaxCount = jobMaxCount;
        this.servers = new ServerAnnouncements(memberAddress);
    }

    /** The command carrying {@code request}, or {@code null} when nothing needs to be written. */
    RaftCommand build(WriteRequest request) throws Refusal {
        long now = stamps.nowNanos();
        RaftCommand.Builder cmd = RaftCommand.newBuilder()
                .setRequestId(request.getRequestId())
                .setLeaderTimeUnixNanos(now);
        try (StateReader reader = state.reader()) {
            switch (request.getOpCase()) {
                case JOB_REGISTER -> cmd.setJobRegister(register(reader, request.getJobRegister(), now));
                case JOB_DEREGISTER -> cmd.setJobDeregister(deregister(reader, request.getJobDeregister(), now));
                case JOB_REVERT -> cmd.setJobRegister(revert(reader, request.getJobRevert(), now));
                case JOB_DISPATCH -> cmd.setJobDispatch(dispatch(reader, request.getJobDispatch(), now));
                case PERIODIC_FORCE -> cmd.setPeriodicLaunch(periodicForce(reader, request.getPeriodicForce(), now));
                case JOB_STABILITY -> cmd.setJobStability(stability(reader, request.getJobStability()));
                case JOB_SCALE -> cmd.setJobScale(scale(reader, request.getJobScale(), now));
                case JOB_EVALUATE -> {
                    if (request.getJobEvaluate().getForceReschedule()) {
                        cmd.setAllocDesiredTransition(forceReschedule(reader, request.getJobEvaluate(), now));
                    } else {
                        cmd.setEvalCreate(evaluate(reader, request.getJobEvaluate(), now));
                    }
                }
                case NODE_REGISTER -> cmd.setNodeUpsert(nodes.register(reader, request.getNodeRegister(), now));
                case NODE_HEARTBEAT -> {
                    var status = nodes.status(reader, request.getNodeHeartbeat(), now);
                    if (status.isEmpty()) {
                        return null;
                    }
                    cmd.setNodeStatus(status.get());
                }
                case NODE_ELIGIBILITY -> {
                    var eligibility = nodes.eligibility(reader, request.getNodeEligibility(), now);
                    if (eligibility.isEmpty()) {
                        return null;
                    }
                    cmd.setNodeEligibility(eligibility.get());
                }
                case NODE_DRAIN -> cmd.setNodeDrain(nodes.drain(reader, request.getNodeDrain(), now));
                case ALLOC_UPDATE -> cmd.setAllocClientUpdate(nodes.allocUpdate(reader, request.getAllocUpdate(), now));
                case ALLOC_STOP -> cmd.setAllocDesiredTransition(nodes.allocStop(reader, request.getAllocStop(), now));
                case SYSTEM_GC -> cmd.setGcReap(GcSelector.select(reader, GcCutoffs.forced(now)));
                case READ_BARRIER -> cmd.setReadBarrier(ReadBarrierCommand.getDefaultInstance()).setIgnorable(true);
                case SERVER_ANNOUNCE -> {
                    var announcement = servers.announce(reader, request.getServerAnnounce());
                    if (announcement.isEmpty()) {
                        return null;
                    }
                    cmd.setServerAnnounce(announcement.get());
                }
                case OP_NOT_SET -> throw new Refusal(WriteResult.Code.INVALID, "empty write request");
            }
        }
        return cmd.build();
    }

    private JobRegisterCommand register(StateReader reader, JobRegisterRequest r, long now) {
        Job job = NomadJson.read(r.getJobJson().toByteArray(), Job.class);
        // Nomad's admission controllers warn about the job as sent, before counts are preserved.
        String warnings = JobWarnings.format(job);
        // Policy IDs are random for new policies: decided here, never in apply.
        Job existing = reader.job(job.namespace, job.id).orElse(null);
        ScalingPolicyIds.propagate(existing, job);
        if (r.getPreserveCounts() && existing != null) {
            preserveCounts(existing, job);
        }
        JobRegisterCommand.Builder b = JobRegisterCommand.newBuilder()
                .setEnforceIndex(r.getEnforceIndex())
                .setJobModifyIndex(r.getJobModifyIndex())
                .setWarnings(warnings);
        return withJobAndEval(b, job, now).build();
    }

    private static long totalCount(Job job) {
        long total = 0;
        for (TaskGroup tg : job.taskGroups) {
            total += count(tg);
        }
        return total;
    }

    private static int count(TaskGroup group) {
        return group.count == null ? 0 : group.count;
    }

    /** A later Nomad's PreserveCounts: groups the current version has keep their count. */
    private static void preserveCounts(Job existing, Job job) {
        if (job.taskGroups == null) {
            return;
        }
        for (TaskGroup tg : job.taskGroups) {
            TaskGroup current = existing.lookupTaskGroup(tg.name);
            if (current != null) {
                tg.count = current.count;
            }
        }
    }

    /**
     * Nomad's Job.Scale: the job and group must exist and the count fit the group's scaling
     * policy; a count brings an evaluation (unless the job is periodic or parameterized), and
     * every action an event stamped with the leader's time.
     */
    private JobScaleCommand scale(StateReader reader, JobScaleRequest r, long now) throws Refusal {
        Job job = reader.job(r.getNamespace(), r.getJobId())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "job \"" + r.getJobId() + "\" not found"));
        TaskGroup group = job.lookupTaskGroup(r.getGroup());
        if (group == null) {
            throw new Refusal(WriteResult.Code.INVALID,
                    "task group \"" + r.getGroup() + "\" specified for scaling does not exist in job");
        }
        ScalingEvent event = new ScalingEvent();
        event.time = now;
        event.message = r.getMessage();
        event.error = r.getError();
        event.meta = r.getMetaJson().isEmpty() ? null : meta(r.getMetaJson());
        JobScaleCommand.Builder b = JobScaleCommand.newBuilder().setNamespace(job.namespace).setJobId(job.id)
                .setGroup(group.name);
        if (r.getHasCount()) {
            String outOfBounds = ScalingBounds.violation(group, r.getCount());
            if (outOfBounds != null) {
                throw new Refusal(WriteResult.Code.INVALID, outOfBounds);
            }
            String tooMany = JobMaxCount.violation(totalCount(job) - count(group) + r.getCount(), jobMaxCount);
            if (tooMany != null) {
                throw new Refusal(WriteResult.Code.INVALID, tooMany);
            }
            event.count = r.getCount();
            b.setHasCount(true).setCount(r.getCount());
            if (!job.isPeriodic() && !job.isParameterized()) {
                // Nomad stamps the default priority and the service type here; the job's own
                // are used instead so a batch job's scale is not planned by the service scheduler.
                b.setEvalJson(json(newEval(job.namespace, job.id, job.priority, job.type,
                        Evaluation.TRIGGER_SCALING, now)));
            }
        }
        return b.setEventJson(json(event)).build();
    }

    private JobRegisterCommand revert(StateReader reader, JobRevertRequest r, long now) throws Refusal {
        requireJobId(r.getJobId(), "missing job ID for revert");
        String ns = r.getNamespace();
        Job current = reader.job(ns, r.getJobId())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "job \"" + r.getJobId() + "\" not found"));
        if (r.getJobVersion() == current.version) {
            throw new Refusal(WriteResult.Code.INVALID, "can't revert to current version");
        }
        Job target = reader.jobVersion(ns, r.getJobId(), r.getJobVersion())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "job \"" + r.getJobId()
                        + "\" in namespace \"" + ns + "\" at version " + r.getJobVersion() + " not found"));
        // Nomad's revert registers the old version, so it answers that version's warnings.
        JobRegisterCommand.Builder b = JobRegisterCommand.newBuilder().setWarnings(JobWarnings.format(target));
        if (r.getHasEnforcePriorVersion()) {
            if (current.version != r.getEnforcePriorVersion()) {
                throw new Refusal(WriteResult.Code.CONFLICT, "Current job has version " + current.version
                        + "; enforcing version " + r.getEnforcePriorVersion());
            }
            b.setEnforcePriorVersion(true).setPriorVersion(r.getEnforcePriorVersion())
                    .setEnforceIndex(true).setJobModifyIndex(current.jobModifyIndex);
        }
        return withJobAndEval(b, target.copy(), now).build();
    }

    private JobRegisterCommand.Builder withJobAndEval(JobRegisterCommand.Builder b, Job job, long now) {
        job.submitTime = now;
        // Nomad never stores the tokens a job was submitted with.
        job.vaultToken = "";
        job.consulToken = "";
        b.setJobJson(json(job));
        if (!job.isPeriodic() && !job.isParameterized()) {
            b.setEvalJson(json(newEval(job.namespace, job.id, job.priority, job.type,
                    Evaluation.TRIGGER_JOB_REGISTER, now)));
        }
        return b;
    }

    /**
     * Nomad's Job.Dispatch: checks the request against the parent, then derives the child (its
     * ID from the leader's clock and a random suffix) and its evaluation. The parent and the
     * idempotency token are checked again when the entry applies.
     */
    private JobDispatchCommand dispatch(StateReader reader, JobDispatchRequest r, long now) throws Refusal {
        if (r.getJobId().isEmpty()) {
            throw new Refusal(WriteResult.Code.INVALID, "missing parameterized job ID");
        }
        Job parent = reader.job(r.getNamespace(), r.getJobId())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "parameterized job not found"));
        if (!parent.isParameterized()) {
            throw new Refusal(WriteResult.Code.INVALID,
                    "Specified job \"" + r.getJobId() + "\" is not a parameterized job");
        }
        if (parent.isStopped()) {
            throw new Refusal(WriteResult.Code.INVALID, "Specified job \"" + r.getJobId() + "\" is stopped");
        }
        byte[] payload = r.getPayload().toByteArray();
        String invalid = JobDispatch.validate(parent, payload, r.getMetaMap());
        if (invalid != null) {
            throw new Refusal(WriteResult.Code.INVALID, invalid);
        }
        String childId = JobDispatch.childId(parent.id, now / 1_000_000_000L, stamps.uuid());
        Job child = JobDispatch.child(parent, childId, now, payload, r.getMetaMap(), r.getIdempotencyToken());
        JobDispatchCommand.Builder b = JobDispatchCommand.newBuilder().setJobJson(json(child));
        if (!child.isPeriodic()) {
            b.setEvalJson(json(newEval(child.namespace, child.id, child.priority, child.type,
                    Evaluation.TRIGGER_JOB_REGISTER, now)));
        }
        return b.build();
    }

    /**
     * Nomad's Job.PeriodicForce: launches now, whatever ProhibitOverlap says; the child is named
     * after the current second.
     */
    private PeriodicLaunchCommand periodicForce(StateReader reader, PeriodicForceRequest r, long now)
            throws Refusal {
        requireJobId(r.getJobId(), "missing job ID for evaluation");
        Job job = reader.job(r.getNamespace(), r.getJobId())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "job not found"));
        if (!job.isPeriodic() || job.isParameterized()) {
            throw new Refusal(WriteResult.Code.INVALID, "can't force launch non-periodic job");
        }
        if (!job.isPeriodicActive()) {
            // Nomad's dispatcher tracks only active periodic jobs, and says so.
            throw new Refusal(WriteResult.Code.INVALID, "force launch for job \"" + job.id
                    + "\" failed: can't force run non-tracked job \"" + job.id + "\" (" + job.namespace + ")");
        }
        return PeriodicLaunchBuilder.command(job, now / 1_000_000_000L, now, stamps).toBuilder().setForce(true).build();
    }

    private JobDeregisterCommand deregister(StateReader reader, JobDeregisterRequest r, long now) throws Refusal {
        requireJobId(r.getJobId(), "missing job ID for deregistering");
        Optional<Job> job = reader.job(r.getNamespace(), r.getJobId());
        JobDeregisterCommand.Builder b = JobDeregisterCommand.newBuilder()
                .setNamespace(r.getNamespace())
                .setJobId(r.getJobId())
                .setPurge(r.getPurge());
        if (job.isEmpty() || !(job.get().isPeriodic() || job.get().isParameterized())) {
            int priority = job.map(j -> j.priority).orElse(Job.DEFAULT_PRIORITY);
            String type = job.map(j -> j.type).orElse(Job.TYPE_SERVICE);
            b.setEvalJson(json(newEval(r.getNamespace(), r.getJobId(), priority, type,
                    Evaluation.TRIGGER_JOB_DEREGISTER, now)));
        }
        return b.build();
    }

    private JobStabilityCommand stability(StateReader reader, JobStabilityRequest r) throws Refusal {
        requireJobId(r.getJobId(), "missing job ID for marking job as stable");
        if (reader.jobVersion(r.getNamespace(), r.getJobId(), r.getJobVersion()).isEmpty()) {
            throw new Refusal(WriteResult.Code.NOT_FOUND, "job \"" + r.getJobId() + "\" in namespace \""
                    + r.getNamespace() + "\" at version " + r.getJobVersion() + " not found");
        }
        return JobStabilityCommand.newBuilder()
                .setNamespace(r.getNamespace())
                .setJobId(r.getJobId())
                .setVersion(r.getJobVersion())
                .setStable(r.getStable())
                .build();
    }

    private EvalCreateCommand evaluate(StateReader reader, JobEvaluateRequest r, long now) throws Refusal {
        requireJobId(r.getJobId(), "missing job ID for evaluation");
        Job job = reader.job(r.getNamespace(), r.getJobId())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "job not found"));
        if (job.isPeriodic()) {
            throw new Refusal(WriteResult.Code.INVALID, "can't evaluate periodic job");
        }
        if (job.isParameterized()) {
            throw new Refusal(WriteResult.Code.INVALID, "can't evaluate parameterized job");
        }
        Evaluation eval = newEval(job.namespace, job.id, job.priority, job.type, Evaluation.TRIGGER_JOB_REGISTER, now);
        // As Nomad: a forced evaluation carries the job's ModifyIndex.
        eval.jobModifyIndex = job.modifyIndex;
        return EvalCreateCommand.newBuilder().addEvalJson(json(eval)).build();
    }

    /**
     * Nomad's forced evaluation with ForceReschedule: failed allocations of the job that the
     * scheduler would not otherwise replace are marked for rescheduling, with the evaluation.
     * As in Nomad, only where the group reschedules at all, and never an allocation already
     * replaced (it has a NextAllocation) or already marked.
     */
    private AllocDesiredTransitionCommand forceReschedule(StateReader reader, JobEvaluateRequest r, long now)
            throws Refusal {
        requireJobId(r.getJobId(), "missing job ID for evaluation");
        Job job = reader.job(r.getNamespace(), r.getJobId())
                .orElseThrow(() -> new Refusal(WriteResult.Code.NOT_FOUND, "job not found"));
        EvalCreateCommand create = evaluate(reader, r, now);
        AllocDesiredTransitionCommand.Builder b = AllocDesiredTransitionCommand.newBuilder()
                .addAllEvalJson(create.getEvalJsonList());
        DesiredTransition t = new DesiredTransition();
        t.forceReschedule = true;
        ByteString transition = json(t);
        for (Allocation a : reader.allocationsOfJob(r.getNamespace(), r.getJobId(), false)) {
            TaskGroup group = job.lookupTaskGroup(a.taskGroup);
            if (group == null || group.reschedulePolicy == null || !group.reschedulePolicy.isEnabled()) {
                continue;
            }
            boolean alreadyForced = a.desiredTransition != null && a.desiredTransition.shouldForceReschedule();
            if ((a.nextAllocation == null || a.nextAllocation.isEmpty())
                    && Allocation.CLIENT_FAILED.equals(a.clientStatus) && !alreadyForced) {
                b.putTransitionsJson(a.id, transition);
            }
        }
        return b.build();
    }

    /**
     * Nomad's job endpoint refuses a write that names no job before anything else; here it also
     * keeps a command that no state could apply (keys cannot hold an empty ID) out of the log,
     * whichever server's gateway sent it.
     */
    private static void requireJobId(String jobId, String message) throws Refusal {
        if (jobId.strip().isEmpty()) {
            throw new Refusal(WriteResult.Code.INVALID, message);
        }
    }

    private Evaluation newEval(String namespace, String jobId, Integer priority, String type, String trigger,
            long now) {
        return NodeEvals.eval(namespace, jobId, priority, type, null, trigger, now, stamps);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> meta(ByteString json) {
        return NomadJson.read(json.toByteArray(), java.util.Map.class);
    }

    private static ByteString json(Object value) {
        return ByteString.copyFrom(NomadJson.write(value));
    }
}

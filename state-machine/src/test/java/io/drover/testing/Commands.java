package io.drover.testing;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.JobDeregisterCommand;
import io.drover.proto.raft.JobRegisterCommand;
import io.drover.proto.raft.JobStabilityCommand;
import io.drover.proto.raft.RaftCommand;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Raft commands as the leader would build them, for tests of the state machine. */
public final class Commands {
    private Commands() {
    }

    /** A canonicalized batch job with one group {@code g} of one task running {@code args}. */
    public static Job job(String id, String... args) {
        StringBuilder a = new StringBuilder();
        for (String s : args) {
            a.append(a.length() == 0 ? "" : ",").append('"').append(s).append('"');
        }
        String json = "{\"ID\":\"" + id + "\",\"Name\":\"" + id + "\",\"Type\":\"batch\",\"Datacenters\":[\"dc1\"],"
                + "\"TaskGroups\":[{\"Name\":\"g\",\"Count\":1,\"Tasks\":[{\"Name\":\"t\",\"Driver\":\"raw_exec\","
                + "\"Config\":{\"command\":\"/bin/sleep\",\"args\":[" + a + "]},"
                + "\"Resources\":{\"CPU\":100,\"MemoryMB\":32}}]}]}";
        Job job = NomadJson.read(json.getBytes(StandardCharsets.UTF_8), Job.class);
        JobCanonicalizer.canonicalize(job);
        return job;
    }

    public static RaftCommand register(Job job, long now) {
        return register(job, now, JobRegisterCommand.newBuilder());
    }

    public static RaftCommand register(Job job, long now, JobRegisterCommand.Builder options) {
        Job stamped = job.copy();
        stamped.submitTime = now;
        options.setJobJson(json(stamped)).setEvalJson(json(eval(job, Evaluation.TRIGGER_JOB_REGISTER, now)));
        return RaftCommand.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setLeaderTimeUnixNanos(now)
                .setJobRegister(options)
                .build();
    }

    public static RaftCommand deregister(String jobId, boolean purge, long now) {
        Job stub = new Job();
        stub.id = jobId;
        stub.namespace = "default";
        stub.priority = 50;
        stub.type = "service";
        return RaftCommand.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setLeaderTimeUnixNanos(now)
                .setJobDeregister(JobDeregisterCommand.newBuilder()
                        .setNamespace("default").setJobId(jobId).setPurge(purge)
                        .setEvalJson(json(eval(stub, Evaluation.TRIGGER_JOB_DEREGISTER, now))))
                .build();
    }

    public static RaftCommand stability(String jobId, long version, boolean stable) {
        return RaftCommand.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setJobStability(JobStabilityCommand.newBuilder()
                        .setNamespace("default").setJobId(jobId).setVersion(version).setStable(stable))
                .build();
    }

    public static Evaluation eval(Job job, String trigger, long now) {
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID().toString();
        e.namespace = job.namespace;
        e.priority = job.priority;
        e.type = job.type;
        e.triggeredBy = trigger;
        e.jobId = job.id;
        e.status = Evaluation.STATUS_PENDING;
        e.createTime = now;
        e.modifyTime = now;
        return e;
    }

    public static ByteString json(Object o) {
        return ByteString.copyFrom(NomadJson.write(o));
    }
}

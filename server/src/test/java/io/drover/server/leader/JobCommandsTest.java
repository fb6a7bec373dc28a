package io.drover.server.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.json.NomadJson;
import io.drover.proto.raft.JobRegisterCommand;
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
import io.drover.testkit.fixtures.Commands;
import io.drover.testkit.fixtures.JobBody;
import org.junit.jupiter.api.Test;

/**
 * The leader refuses job writes that name no job before it builds a Raft command, with the words
 * of Nomad's job endpoint, whatever server's gateway sent them: a deregister of "" used to be
 * committed and then fail inside apply.
 */
class JobCommandsTest extends CommandBuilderFixture {
    /**
     * A scale's new total (the other groups' counts plus the new one) must stay within
     * {@code job_max_count}, as a later Nomad's Job.Scale checks it: only the leader knows the
     * other groups. A count of two billion would have had the scheduler place them all in memory.
     */
    @Test
    void aScaleOverTheJobsInstanceLimitIsRefused() throws Exception {
        CommandBuilder limited = new CommandBuilder(state.store(), stamps(), 10);
        state.apply(Commands.register(JobBody.service("web").count(4).canonical(), 1));
        WriteRequest.Builder toTen = WriteRequest.newBuilder().setJobScale(JobScaleRequest.newBuilder()
                .setNamespace("default").setJobId("web").setGroup("g").setHasCount(true).setCount(10));
        WriteRequest.Builder toEleven = WriteRequest.newBuilder().setJobScale(JobScaleRequest.newBuilder()
                .setNamespace("default").setJobId("web").setGroup("g").setHasCount(true).setCount(11));

        assertThat(limited.build(toTen.setRequestId("a").build()).hasJobScale()).isTrue();
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> limited.build(toEleven.setRequestId("b").build()));
        assertThat(refusal.toResult().getCode()).isEqualTo(WriteResult.Code.INVALID);
        assertThat(refusal.toResult().getError())
                .isEqualTo("total count was greater than configured job_max_count: 11 > 10");
    }

    /**
     * Nomad's admission controllers warn about the job as submitted, before PreserveCounts keeps
     * the stored counts: a count of 0 under the default update block warns even where the stored 2
     * is kept.
     */
    @Test
    void aRegisterWarnsAboutTheCountsAsSentNotAsPreserved() throws Exception {
        state.apply(Commands.register(JobBody.service("web").count(2).canonical(), 1));
        WriteRequest register = WriteRequest.newBuilder().setRequestId("r").setJobRegister(JobRegisterRequest.newBuilder()
                .setJobJson(ByteString.copyFrom(NomadJson.write(JobBody.service("web").count(0).canonical())))
                .setPreserveCounts(true)).build();

        JobRegisterCommand command = builder.build(register).getJobRegister();

        assertThat(NomadJson.read(command.getJobJson().toByteArray(), Job.class).taskGroups.get(0).count).isEqualTo(2);
        assertThat(command.getWarnings()).isEqualTo("1 warning(s):\n\n* Group \"g\" has warnings: 1 error occurred:\n"
                + "\t* Update max parallel count is greater than task group count (1 > 0). A destructive change would"
                + " result in the simultaneous replacement of all allocations.\n\n");
    }

    @Test
    void writesNamingNoJobAreRefusedBeforeTheLog() {
        assertRefused(WriteRequest.newBuilder().setJobDeregister(JobDeregisterRequest.newBuilder()
                .setNamespace("default").setJobId("")), WriteResult.Code.INVALID, "missing job ID for deregistering");
        assertRefused(WriteRequest.newBuilder().setJobEvaluate(JobEvaluateRequest.newBuilder()
                .setNamespace("default").setJobId("")), WriteResult.Code.INVALID, "missing job ID for evaluation");
        assertRefused(WriteRequest.newBuilder().setJobEvaluate(JobEvaluateRequest.newBuilder()
                .setNamespace("default").setJobId("").setForceReschedule(true)), WriteResult.Code.INVALID,
                "missing job ID for evaluation");
        assertRefused(WriteRequest.newBuilder().setPeriodicForce(PeriodicForceRequest.newBuilder()
                .setNamespace("default").setJobId("")), WriteResult.Code.INVALID, "missing job ID for evaluation");
        assertRefused(WriteRequest.newBuilder().setJobRevert(JobRevertRequest.newBuilder()
                .setNamespace("default").setJobId("").setJobVersion(1)), WriteResult.Code.INVALID,
                "missing job ID for revert");
        assertRefused(WriteRequest.newBuilder().setJobStability(JobStabilityRequest.newBuilder()
                .setNamespace("default").setJobId("").setJobVersion(0).setStable(true)), WriteResult.Code.INVALID,
                "missing job ID for marking job as stable");
        assertRefused(WriteRequest.newBuilder().setJobDispatch(JobDispatchRequest.newBuilder()
                .setNamespace("default").setJobId("")), WriteResult.Code.INVALID, "missing parameterized job ID");
        assertRefused(WriteRequest.newBuilder().setJobScale(JobScaleRequest.newBuilder()
                .setNamespace("default").setJobId("").setGroup("g").setHasCount(true).setCount(1)),
                WriteResult.Code.NOT_FOUND, "job \"\" not found");
    }

    private void assertRefused(WriteRequest.Builder request, WriteResult.Code code, String message) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> builder.build(request.setRequestId("r").build()));

        assertThat(refusal).as(request.getOpCase().toString()).isNotNull();
        assertThat(refusal.toResult().getCode()).isEqualTo(code);
        assertThat(refusal.toResult().getError()).isEqualTo(message);
    }
}

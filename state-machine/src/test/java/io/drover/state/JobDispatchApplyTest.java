package io.drover.state;

import static io.drover.testkit.fixtures.Commands.deregister;
import static io.drover.testkit.fixtures.Commands.eval;
import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.json;
import static io.drover.testkit.fixtures.Commands.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.ParameterizedJobConfig;
import io.drover.model.launch.JobDispatch;
import io.drover.model.launch.JobPayload;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.JobDispatchCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dispatching a parameterized job: the child and its evaluation in one entry, retries by token. */
class JobDispatchApplyTest extends StoreTest {
    @Test
    void parameterizedParentGetsNoEvaluationAndRuns() {
        WriteResult r = h.apply(register(parent(), 1000));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        assertThat(r.getEvalId()).isEmpty();
        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "work").orElseThrow().status).isEqualTo(Job.STATUS_RUNNING);
            assertThat(s.evaluationsOfJob("default", "work")).isEmpty();
        }
    }

    @Test
    void dispatchStoresTheChildAndItsEvaluationAtOneIndex() {
        h.apply(register(parent(), 1000));
        WriteResult r = h.apply(dispatch("work/dispatch-1700000000-0a1b2c3d", "hello", Map.of("who", "me"), ""));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        assertThat(r.getIndex()).isEqualTo(2);
        assertThat(r.getDispatchedJobId()).isEqualTo("work/dispatch-1700000000-0a1b2c3d");
        assertThat(r.getJobCreateIndex()).isEqualTo(2);
        assertThat(r.getEvalCreateIndex()).isEqualTo(2);
        try (StateReader s = h.store.reader()) {
            Job child = s.job("default", r.getDispatchedJobId()).orElseThrow();
            assertThat(child.parentId).isEqualTo("work");
            assertThat(child.name).isEqualTo(child.id);
            assertThat(child.dispatched).isTrue();
            assertThat(child.isParameterized()).isFalse();
            assertThat(child.meta).containsEntry("who", "me").containsEntry("team", "ops");
            assertThat(new String(JobPayload.decompress(child.payload), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(child.createIndex).isEqualTo(2);
            assertThat(child.jobModifyIndex).isEqualTo(2);
            assertThat(child.version).isZero();
            assertThat(child.status).isEqualTo(Job.STATUS_PENDING);

            Evaluation e = s.evaluation(r.getEvalId()).orElseThrow();
            assertThat(e.jobId).isEqualTo(child.id);
            assertThat(e.jobModifyIndex).isEqualTo(2);
            assertThat(e.triggeredBy).isEqualTo(Evaluation.TRIGGER_JOB_REGISTER);

            JobSummary.JobChildrenSummary children = s.jobSummary("default", "work").orElseThrow().children;
            assertThat(children.pending).isEqualTo(1);
            assertThat(children.running).isZero();
            assertThat(children.dead).isZero();
        }
    }

    @Test
    void aRetryWithTheSameTokenAnswersTheFirstChild() {
        h.apply(register(parent(), 1000));
        WriteResult first = h.apply(dispatch("work/dispatch-1700000000-aaaaaaaa", "", Map.of("who", "a"), "tok"));
        WriteResult retry = h.apply(dispatch("work/dispatch-1700000001-bbbbbbbb", "", Map.of("who", "a"), "tok"));

        assertThat(retry.getCode()).isEqualTo(WriteResult.Code.OK);
        assertThat(retry.getDispatchedJobId()).isEqualTo(first.getDispatchedJobId());
        assertThat(retry.getJobCreateIndex()).isEqualTo(2);
        assertThat(retry.getIndex()).isEqualTo(2);
        assertThat(retry.getEvalId()).isEmpty();
        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "work/dispatch-1700000001-bbbbbbbb")).isEmpty();
            assertThat(s.evaluationsOfJob("default", "work/dispatch-1700000001-bbbbbbbb")).isEmpty();
            assertThat(s.jobSummary("default", "work").orElseThrow().children.pending).isEqualTo(1);
        }
    }

    @Test
    void retriesBatchedIntoOneEntryStillCreateOneChild() {
        h.apply(register(parent(), 1000));
        WriteResult first = h.applyInBatch(0, dispatch("work/dispatch-1700000000-aaaaaaaa", "", Map.of(), "tok"));
        WriteResult second = h.applyInBatch(1, dispatch("work/dispatch-1700000000-bbbbbbbb", "", Map.of(), "tok"));
        h.store.publish(h.index());

        assertThat(second.getDispatchedJobId()).isEqualTo(first.getDispatchedJobId());
        try (StateReader s = h.store.reader()) {
            assertThat(s.jobs("default", "work/")).extracting(j -> j.id)
                    .containsExactly("work/dispatch-1700000000-aaaaaaaa");
        }
    }

    @Test
    void anotherTokenOrNoTokenCreatesAnotherChild() {
        h.apply(register(parent(), 1000));
        h.apply(dispatch("work/dispatch-1700000000-aaaaaaaa", "", Map.of(), "tok"));
        WriteResult other = h.apply(dispatch("work/dispatch-1700000000-bbbbbbbb", "", Map.of(), "other"));
        WriteResult none = h.apply(dispatch("work/dispatch-1700000000-cccccccc", "", Map.of(), ""));

        assertThat(other.getDispatchedJobId()).isEqualTo("work/dispatch-1700000000-bbbbbbbb");
        assertThat(none.getDispatchedJobId()).isEqualTo("work/dispatch-1700000000-cccccccc");
        try (StateReader s = h.store.reader()) {
            assertThat(s.jobSummary("default", "work").orElseThrow().children.pending).isEqualTo(3);
        }
    }

    @Test
    void aChildPurgedCountsAsDead() {
        h.apply(register(parent(), 1000));
        WriteResult r = h.apply(dispatch("work/dispatch-1700000000-aaaaaaaa", "", Map.of(), ""));
        h.apply(deregister(r.getDispatchedJobId(), true, 3000));

        try (StateReader s = h.store.reader()) {
            JobSummary.JobChildrenSummary children = s.jobSummary("default", "work").orElseThrow().children;
            assertThat(children.pending).isZero();
            assertThat(children.dead).isEqualTo(1);
        }
    }

    @Test
    void aParentStoppedOrPurgedBeforeTheEntryAppliesIsRefused() {
        h.apply(register(parent(), 1000));
        RaftCommand cmd = dispatch("work/dispatch-1700000000-aaaaaaaa", "", Map.of(), "");
        h.apply(deregister("work", false, 2000));
        WriteResult stopped = h.apply(cmd);
        h.apply(deregister("work", true, 3000));
        WriteResult purged = h.apply(dispatch("work/dispatch-1700000000-aaaaaaaa", "", Map.of(), ""));

        assertThat(stopped.getCode()).isEqualTo(WriteResult.Code.INVALID);
        assertThat(stopped.getError()).isEqualTo("Specified job \"work\" is stopped");
        assertThat(purged.getError()).isEqualTo("parameterized job not found");
        assertThat(purged.getCode()).isEqualTo(WriteResult.Code.NOT_FOUND);
        assertThat(purged.getError()).isEqualTo("parameterized job not found");
        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "work/dispatch-1700000000-aaaaaaaa")).isEmpty();
        }
    }

    private static Job parent() {
        Job job = job("work", "5");
        job.parameterizedJob = new ParameterizedJobConfig();
        job.parameterizedJob.payload = ParameterizedJobConfig.PAYLOAD_OPTIONAL;
        job.parameterizedJob.metaOptional = List.of("who");
        job.meta = Map.of("team", "ops");
        return job;
    }

    /** The command the leader builds for a dispatch of {@link #parent()}. */
    private static RaftCommand dispatch(String childId, String payload, Map<String, String> meta, String token) {
        long now = 5000;
        Job child = JobDispatch.child(parent(), childId, now, payload.getBytes(StandardCharsets.UTF_8), meta, token);
        return RaftCommand.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setLeaderTimeUnixNanos(now)
                .setJobDispatch(JobDispatchCommand.newBuilder()
                        .setJobJson(json(child))
                        .setEvalJson(json(eval(child, Evaluation.TRIGGER_JOB_REGISTER, now))))
                .build();
    }
}

package io.drover.state;

import static io.drover.testkit.fixtures.Commands.deregister;
import static io.drover.testkit.fixtures.Commands.eval;
import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.json;
import static io.drover.testkit.fixtures.Commands.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.ScalingPolicy;
import io.drover.model.scaling.JobScalingEvents;
import io.drover.model.scaling.ScalingEvent;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.JobScaleCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scaling a job's group: a new version with its evaluation, and the events kept per group. */
class JobScaleApplyTest extends StoreTest {
    @BeforeEach
    void setUp() {
        h.apply(register(job("web", "5"), 1000));
    }

    @Test
    void aCountIsANewVersionWithItsEvaluationAndAnEventNamingIt() {
        WriteResult r = h.apply(scale("g", 3L, false, "more please", 2000));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        assertThat(r.getIndex()).isEqualTo(2);
        assertThat(r.getJobModifyIndex()).isEqualTo(2);
        assertThat(r.getEvalCreateIndex()).isEqualTo(2);
        try (StateReader s = h.store.reader()) {
            Job j = s.job("default", "web").orElseThrow();
            assertThat(j.version).isEqualTo(1);
            assertThat(j.jobModifyIndex).isEqualTo(2);
            assertThat(j.lookupTaskGroup("g").count).isEqualTo(3);
            // The submit time is the registration's: a scale is not a submission.
            assertThat(j.submitTime).isEqualTo(1000);
            assertThat(s.jobVersion("default", "web", 0).orElseThrow().lookupTaskGroup("g").count).isEqualTo(1);

            Evaluation e = s.evaluation(r.getEvalId()).orElseThrow();
            assertThat(e.triggeredBy).isEqualTo(Evaluation.TRIGGER_SCALING);
            assertThat(e.jobModifyIndex).isEqualTo(2);

            JobScalingEvents events = s.scalingEvents("default", "web").orElseThrow();
            assertThat(events.modifyIndex).isEqualTo(2);
            ScalingEvent event = events.of("g").get(0);
            assertThat(event.count).isEqualTo(3);
            assertThat(event.message).isEqualTo("more please");
            assertThat(event.evalId).isEqualTo(r.getEvalId());
            assertThat(event.createIndex).isEqualTo(2);
            assertThat(event.time).isEqualTo(2000);
            assertThat(s.tableIndex(Table.SCALING_EVENT)).isEqualTo(2);
        }
    }

    @Test
    void theSameCountStillMakesANewVersionAsNomadDoes() {
        h.apply(scale("g", 1L, false, "", 2000));

        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "web").orElseThrow().version).isEqualTo(1);
        }
    }

    @Test
    void anErrorWithoutCountRecordsOnlyTheEvent() {
        WriteResult r = h.apply(scale("g", null, true, "policy failed", 2000));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        assertThat(r.getEvalId()).isEmpty();
        assertThat(r.getEvalCreateIndex()).isZero();
        assertThat(r.getJobModifyIndex()).isEqualTo(1);
        try (StateReader s = h.store.reader()) {
            Job j = s.job("default", "web").orElseThrow();
            assertThat(j.version).isZero();
            assertThat(j.modifyIndex).isEqualTo(1);
            assertThat(s.evaluationsOfJob("default", "web")).hasSize(1);
            ScalingEvent event = s.scalingEvents("default", "web").orElseThrow().of("g").get(0);
            assertThat(event.error).isTrue();
            assertThat(event.count).isNull();
            assertThat(event.evalId).isNull();
            assertThat(event.message).isEqualTo("policy failed");
            assertThat(s.tableIndex(Table.JOBS)).isEqualTo(1);
        }
    }

    @Test
    void onlyTheLastTwentyEventsOfAGroupAreKeptNewestFirst() {
        for (int i = 0; i < 25; i++) {
            h.apply(scale("g", null, true, "event " + i, 2000 + i));
        }

        try (StateReader s = h.store.reader()) {
            List<ScalingEvent> events = s.scalingEvents("default", "web").orElseThrow().of("g");
            assertThat(events).hasSize(JobScalingEvents.TRACKED_EVENTS);
            assertThat(events.get(0).message).isEqualTo("event 24");
            assertThat(events.get(19).message).isEqualTo("event 5");
        }
    }

    @Test
    void aCountOutsideTheGroupsScalingBoundsIsRefusedAndChangesNothing() {
        Job bounded = job("web", "5");
        ScalingPolicy policy = new ScalingPolicy();
        policy.min = 1L;
        policy.max = 4L;
        policy.enabled = true;
        bounded.lookupTaskGroup("g").scaling = policy;
        h.apply(register(bounded, 1500));

        WriteResult over = h.apply(scale("g", 5L, false, "", 2000));
        WriteResult under = h.apply(scale("g", 0L, false, "", 2000));
        WriteResult within = h.apply(scale("g", 4L, false, "", 2000));

        assertThat(over.getCode()).isEqualTo(WriteResult.Code.INVALID);
        assertThat(over.getError()).isEqualTo("group count was greater than scaling policy maximum: 5 > 4");
        assertThat(under.getCode()).isEqualTo(WriteResult.Code.INVALID);
        assertThat(under.getError()).isEqualTo("group count was less than scaling policy minimum: 0 < 1");
        assertThat(within.getCode()).isEqualTo(WriteResult.Code.OK);
        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "web").orElseThrow().lookupTaskGroup("g").count).isEqualTo(4);
            assertThat(s.scalingEvents("default", "web").orElseThrow().of("g")).hasSize(1);
        }
    }

    @Test
    void anUnknownGroupOrJobIsRefused() {
        WriteResult group = h.apply(scale("nope", 2L, false, "", 2000));
        WriteResult job = h.apply(scaleOf("other", "g", 2L, false, "", 2000));

        assertThat(group.getCode()).isEqualTo(WriteResult.Code.INVALID);
        assertThat(group.getError()).isEqualTo("task group \"nope\" specified for scaling does not exist in job");
        assertThat(job.getCode()).isEqualTo(WriteResult.Code.NOT_FOUND);
        try (StateReader s = h.store.reader()) {
            assertThat(s.scalingEvents("default", "web")).isEmpty();
        }
    }

    @Test
    void purgingTheJobRemovesItsEvents() {
        h.apply(scale("g", 2L, false, "", 2000));
        h.apply(deregister("web", true, 3000));

        try (StateReader s = h.store.reader()) {
            assertThat(s.scalingEvents("default", "web")).isEmpty();
            assertThat(s.tableIndex(Table.SCALING_EVENT)).isEqualTo(3);
        }
    }

    private static RaftCommand scale(String group, Long count, boolean error, String message, long now) {
        return scaleOf("web", group, count, error, message, now);
    }

    private static RaftCommand scaleOf(String jobId, String group, Long count, boolean error, String message,
            long now) {
        ScalingEvent event = new ScalingEvent();
        event.time = now;
        event.count = count;
        event.error = error;
        event.message = message;
        event.meta = Map.of("source", "test");
        JobScaleCommand.Builder b = JobScaleCommand.newBuilder().setNamespace("default").setJobId(jobId)
                .setGroup(group).setEventJson(json(event));
        if (count != null) {
            Job stub = job(jobId);
            b.setHasCount(true).setCount(count).setEvalJson(json(eval(stub, Evaluation.TRIGGER_SCALING, now)));
        }
        return RaftCommand.newBuilder().setRequestId(UUID.randomUUID().toString()).setLeaderTimeUnixNanos(now)
                .setJobScale(b).build();
    }
}

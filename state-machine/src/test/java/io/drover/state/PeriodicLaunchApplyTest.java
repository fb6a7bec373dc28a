package io.drover.state;

import static io.drover.testkit.fixtures.Commands.deregister;
import static io.drover.testkit.fixtures.Commands.eval;
import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.json;
import static io.drover.testkit.fixtures.Commands.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.PeriodicConfig;
import io.drover.model.launch.PeriodicChild;
import io.drover.model.launch.PeriodicLaunch;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.PeriodicLaunchCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A periodic launch: child, evaluation and the parent's last launch in one entry, never twice. */
class PeriodicLaunchApplyTest extends StoreTest {
    @Test
    void registeringRecordsTheRegistrationAsTheFirstLaunch() {
        h.apply(register(parent(), 1_000_000_000L));
        h.apply(register(parent(), 9_000_000_000L));

        try (StateReader s = h.store.reader()) {
            PeriodicLaunch launch = s.periodicLaunch("default", "cron").orElseThrow();
            assertThat(launch.launch).isEqualTo(1_000_000_000L);
            assertThat(launch.createIndex).isEqualTo(1);
            assertThat(s.evaluationsOfJob("default", "cron")).isEmpty();
            assertThat(s.job("default", "cron").orElseThrow().status).isEqualTo(Job.STATUS_RUNNING);
        }
    }

    @Test
    void aLaunchStoresTheChildItsEvaluationAndTheLaunchTime() {
        h.apply(register(parent(), 1_000_000_000L));
        WriteResult r = h.apply(launch(1700000000L));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        assertThat(r.getEvalCreateIndex()).isEqualTo(2);
        try (StateReader s = h.store.reader()) {
            Job child = s.job("default", "cron/periodic-1700000000").orElseThrow();
            assertThat(child.parentId).isEqualTo("cron");
            assertThat(child.name).isEqualTo(child.id);
            assertThat(child.periodic).isNull();
            assertThat(child.status).isEqualTo(Job.STATUS_PENDING);
            Evaluation e = s.evaluation(r.getEvalId()).orElseThrow();
            assertThat(e.jobId).isEqualTo(child.id);
            assertThat(e.triggeredBy).isEqualTo(Evaluation.TRIGGER_PERIODIC_JOB);
            assertThat(e.jobModifyIndex).isEqualTo(2);
            PeriodicLaunch launch = s.periodicLaunch("default", "cron").orElseThrow();
            assertThat(launch.launch).isEqualTo(1700000000L * 1_000_000_000L);
            assertThat(launch.modifyIndex).isEqualTo(2);
            JobSummary.JobChildrenSummary children = s.jobSummary("default", "cron").orElseThrow().children;
            assertThat(children.pending).isEqualTo(1);
        }
    }

    @Test
    void theSameLaunchAppliedTwiceCreatesOneChild() {
        h.apply(register(parent(), 1_000_000_000L));
        h.apply(launch(1700000000L));
        WriteResult again = h.apply(launch(1700000000L));

        assertThat(again.getCode()).isEqualTo(WriteResult.Code.OK);
        assertThat(again.getEvalId()).isEmpty();
        try (StateReader s = h.store.reader()) {
            assertThat(s.evaluationsOfJob("default", "cron/periodic-1700000000")).hasSize(1);
            assertThat(s.jobSummary("default", "cron").orElseThrow().children.pending).isEqualTo(1);
        }
    }

    @Test
    void aForcedLaunchInTheSameSecondRegistersTheChildAgainWithANewEvaluation() {
        h.apply(register(parent(), 1_000_000_000L));
        h.apply(launch(1700000000L));
        RaftCommand forced = launch(1700000000L);
        forced = forced.toBuilder().setPeriodicLaunch(forced.getPeriodicLaunch().toBuilder().setForce(true)).build();
        WriteResult r = h.apply(forced);

        assertThat(r.getEvalId()).isNotEmpty();
        try (StateReader s = h.store.reader()) {
            assertThat(s.evaluationsOfJob("default", "cron/periodic-1700000000")).hasSize(2);
            assertThat(s.job("default", "cron/periodic-1700000000").orElseThrow().version).isEqualTo(1);
            assertThat(s.jobSummary("default", "cron").orElseThrow().children.pending).isEqualTo(1);
        }
    }

    @Test
    void aPurgedParentIsNotLaunchedAndLosesItsLaunchRecord() {
        h.apply(register(parent(), 1_000_000_000L));
        h.apply(deregister("cron", true, 2_000_000_000L));
        WriteResult r = h.apply(launch(1700000000L));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.NOT_FOUND);
        try (StateReader s = h.store.reader()) {
            assertThat(s.periodicLaunch("default", "cron")).isEmpty();
            assertThat(s.job("default", "cron/periodic-1700000000")).isEmpty();
        }
    }

    @Test
    void theLauncherFindsTheParentsOnlyUntilPurged() {
        h.apply(register(parent(), 1_000_000_000L));
        h.apply(launch(1700000000L));
        h.apply(register(job("plain", "1"), 1_000_000_000L));

        try (StateReader s = h.store.reader()) {
            assertThat(s.periodicJobs()).extracting(j -> j.id).containsExactly("cron");
        }

        h.apply(deregister("cron", true, 4_000_000_000L));
        try (StateReader s = h.store.reader()) {
            assertThat(s.periodicJobs()).isEmpty();
        }

        // The same ID registered again without a periodic block is not a launcher's job.
        h.apply(register(job("cron", "1"), 5_000_000_000L));
        try (StateReader s = h.store.reader()) {
            assertThat(s.periodicJobs()).isEmpty();
        }
    }

    private static Job parent() {
        Job job = job("cron", "5");
        job.type = Job.TYPE_BATCH;
        job.periodic = new PeriodicConfig();
        job.periodic.enabled = true;
        job.periodic.specType = PeriodicConfig.SPEC_CRON;
        job.periodic.spec = "*/5 * * * *";
        return job;
    }

    private static RaftCommand launch(long unixSeconds) {
        long now = unixSeconds * 1_000_000_000L;
        Job child = PeriodicChild.derive(parent(), unixSeconds, now);
        return RaftCommand.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setLeaderTimeUnixNanos(now)
                .setPeriodicLaunch(PeriodicLaunchCommand.newBuilder()
                        .setJobJson(json(child))
                        .setEvalJson(json(eval(child, Evaluation.TRIGGER_PERIODIC_JOB, now))))
                .build();
    }
}

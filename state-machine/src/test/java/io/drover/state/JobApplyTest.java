package io.drover.state;

import static io.drover.testkit.fixtures.Commands.deregister;
import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static io.drover.testkit.fixtures.Commands.stability;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.JobRegisterCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registering, updating, stopping and purging jobs, as Nomad's state store does. */
class JobApplyTest extends StoreTest {
    @Test
    void registerStoresJobVersionSummaryAndPendingEvalAtTheEntryIndex() {
        h.gap();
        WriteResult r = h.apply(register(job("web", "5"), 1000));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        assertThat(r.getIndex()).isEqualTo(2);
        assertThat(r.getJobModifyIndex()).isEqualTo(2);
        assertThat(r.getEvalCreateIndex()).isEqualTo(2);
        try (StateReader s = h.store.reader()) {
            Job j = s.job("default", "web").orElseThrow();
            assertThat(j.createIndex).isEqualTo(2);
            assertThat(j.modifyIndex).isEqualTo(2);
            assertThat(j.jobModifyIndex).isEqualTo(2);
            assertThat(j.version).isZero();
            assertThat(j.status).isEqualTo(Job.STATUS_PENDING);
            assertThat(j.submitTime).isEqualTo(1000);
            assertThat(s.jobVersions("default", "web")).hasSize(1);

            JobSummary summary = s.jobSummary("default", "web").orElseThrow();
            assertThat(summary.summary).containsOnlyKeys("g");
            assertThat(summary.createIndex).isEqualTo(2);

            Evaluation e = s.evaluation(r.getEvalId()).orElseThrow();
            assertThat(e.status).isEqualTo(Evaluation.STATUS_PENDING);
            assertThat(e.triggeredBy).isEqualTo("job-register");
            assertThat(e.jobModifyIndex).isEqualTo(2);
            assertThat(e.createIndex).isEqualTo(2);
            assertThat(s.evaluationsOfJob("default", "web")).extracting(ev -> ev.id).containsExactly(r.getEvalId());

            for (Table t : List.of(Table.JOBS, Table.JOB_VERSIONS, Table.JOB_SUMMARIES, Table.EVALS)) {
                assertThat(s.tableIndex(t)).as(t.name()).isEqualTo(2);
            }
            assertThat(s.tableIndex(Table.ALLOCS)).isZero();
            assertThat(s.appliedIndex()).isEqualTo(2);
        }
    }

    @Test
    void unchangedSpecKeepsVersionButGetsANewEvaluation() {
        h.apply(register(job("web", "5"), 1000));
        WriteResult again = h.apply(register(job("web", "5"), 2000));

        assertThat(again.getJobModifyIndex()).isEqualTo(1);
        assertThat(again.getEvalCreateIndex()).isEqualTo(2);
        try (StateReader s = h.store.reader()) {
            Job j = s.job("default", "web").orElseThrow();
            assertThat(j.version).isZero();
            assertThat(j.submitTime).isEqualTo(1000);
            assertThat(s.evaluationsOfJob("default", "web")).hasSize(2);
            assertThat(s.evaluation(again.getEvalId()).orElseThrow().jobModifyIndex).isEqualTo(1);
        }
    }

    @Test
    void changedSpecIsANewVersionNewestFirst() {
        h.apply(register(job("web", "5"), 1000));
        WriteResult v1 = h.apply(register(job("web", "6"), 2000));

        assertThat(v1.getJobModifyIndex()).isEqualTo(2);
        try (StateReader s = h.store.reader()) {
            Job j = s.job("default", "web").orElseThrow();
            assertThat(j.version).isEqualTo(1);
            assertThat(j.createIndex).isEqualTo(1);
            assertThat(j.jobModifyIndex).isEqualTo(2);
            assertThat(s.jobVersions("default", "web")).extracting(v -> v.version).containsExactly(1L, 0L);
        }
    }

    @Test
    void enforceIndexRefusesAStaleModifyIndexAndStoresNothing() {
        h.apply(register(job("web", "5"), 1000));
        WriteResult stale = h.apply(register(job("web", "6"), 2000,
                JobRegisterCommand.newBuilder().setEnforceIndex(true).setJobModifyIndex(7)));
        WriteResult exists = h.apply(register(job("web", "6"), 2000,
                JobRegisterCommand.newBuilder().setEnforceIndex(true).setJobModifyIndex(0)));
        WriteResult missing = h.apply(register(job("other", "6"), 2000,
                JobRegisterCommand.newBuilder().setEnforceIndex(true).setJobModifyIndex(3)));
        WriteResult matching = h.apply(register(job("web", "6"), 2000,
                JobRegisterCommand.newBuilder().setEnforceIndex(true).setJobModifyIndex(1)));

        assertThat(stale.getCode()).isEqualTo(WriteResult.Code.CONFLICT);
        assertThat(stale.getError())
                .isEqualTo("Enforcing job modify index 7: job exists with conflicting job modify index: 1");
        assertThat(exists.getError()).isEqualTo("Enforcing job modify index 0: job already exists");
        assertThat(missing.getError()).isEqualTo("Enforcing job modify index 3: job does not exist");
        assertThat(matching.getCode()).isEqualTo(WriteResult.Code.OK);
        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "other")).isEmpty();
            assertThat(s.job("default", "web").orElseThrow().jobModifyIndex).isEqualTo(5);
            // Refused writes created no evaluations either.
            assertThat(s.evaluationsOfJob("default", "web")).hasSize(2);
            assertThat(s.tableIndex(Table.JOBS)).isEqualTo(5);
        }
    }

    @Test
    void changingTheTypeOfAJobIsRefused() {
        h.apply(register(job("web", "5"), 1000));
        Job service = job("web", "5");
        service.type = "service";
        WriteResult r = h.apply(register(service, 2000));
        assertThat(r.getCode()).isEqualTo(WriteResult.Code.INVALID);
        assertThat(r.getError()).isEqualTo("cannot update job from type \"batch\" to \"service\"");
    }

    @Test
    void unknownNamespaceIsRefused() {
        Job j = job("web", "5");
        j.namespace = "other";
        WriteResult r = h.apply(register(j, 1000));
        assertThat(r.getCode()).isEqualTo(WriteResult.Code.INVALID);
        assertThat(r.getError()).isEqualTo("job \"web\" is in nonexistent namespace \"other\"");
    }

    @Test
    void stopKeepsTheJobAsANewStoppedVersion() {
        h.apply(register(job("web", "5"), 1000));
        WriteResult r = h.apply(deregister("web", false, 2000));

        assertThat(r.getJobModifyIndex()).isEqualTo(2);
        assertThat(r.getEvalId()).isNotEmpty();
        try (StateReader s = h.store.reader()) {
            Job j = s.job("default", "web").orElseThrow();
            assertThat(j.stop).isTrue();
            assertThat(j.version).isEqualTo(1);
            assertThat(j.jobModifyIndex).isEqualTo(2);
            Evaluation e = s.evaluation(r.getEvalId()).orElseThrow();
            assertThat(e.triggeredBy).isEqualTo("job-deregister");
            assertThat(e.jobModifyIndex).isEqualTo(2);
        }
    }

    @Test
    void purgeRemovesJobVersionsAndSummaryButKeepsEvaluations() {
        h.apply(register(job("web", "5"), 1000));
        h.apply(register(job("web", "6"), 1000));
        WriteResult r = h.apply(deregister("web", true, 2000));

        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "web")).isEmpty();
            assertThat(s.jobVersions("default", "web")).isEmpty();
            assertThat(s.jobSummary("default", "web")).isEmpty();
            assertThat(s.evaluationsOfJob("default", "web")).hasSize(3);
            assertThat(s.tableIndex(Table.JOBS)).isEqualTo(r.getIndex());
            assertThat(s.tableIndex(Table.JOB_SUMMARIES)).isEqualTo(r.getIndex());
        }
    }

    @Test
    void deregisteringAnUnknownJobStillCreatesAnEvaluation() {
        WriteResult r = h.apply(deregister("ghost", false, 1000));
        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        try (StateReader s = h.store.reader()) {
            assertThat(s.evaluation(r.getEvalId())).isPresent();
            assertThat(s.job("default", "ghost")).isEmpty();
        }
    }

    @Test
    void onlySixVersionsAreKeptButTheNewestStableOneSurvives() {
        h.apply(register(job("web", "0"), 1000));
        h.apply(stability("web", 0, true));
        for (int v = 1; v <= 7; v++) {
            h.apply(register(job("web", String.valueOf(v)), 1000));
        }
        try (StateReader s = h.store.reader()) {
            assertThat(s.jobVersions("default", "web")).extracting(j -> j.version)
                    .containsExactly(7L, 6L, 5L, 4L, 3L, 0L);
            assertThat(s.jobVersion("default", "web", 0).orElseThrow().stable).isTrue();
        }
    }

    @Test
    void stabilityOfTheCurrentVersionChangesTheJobWithoutANewVersion() {
        h.apply(register(job("web", "5"), 1000));
        WriteResult r = h.apply(stability("web", 0, true));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        try (StateReader s = h.store.reader()) {
            Job j = s.job("default", "web").orElseThrow();
            assertThat(j.stable).isTrue();
            assertThat(j.version).isZero();
            assertThat(j.modifyIndex).isEqualTo(2);
            assertThat(j.jobModifyIndex).isEqualTo(1);
        }
        assertThat(h.apply(stability("web", 9, true)).getCode()).isEqualTo(WriteResult.Code.NOT_FOUND);
    }

    @Test
    void aRetriedRequestIdIsAppliedOnceAndAnsweredWithTheFirstResult() {
        RaftCommand first = register(job("web", "5"), 1000);
        WriteResult a = h.apply(first);
        RaftCommand retry = register(job("web", "6"), 2000).toBuilder().setRequestId(first.getRequestId()).build();
        WriteResult b = h.apply(retry);

        assertThat(b).isEqualTo(a);
        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "web").orElseThrow().version).isZero();
            assertThat(s.evaluationsOfJob("default", "web")).hasSize(1);
            assertThat(s.appliedIndex()).isEqualTo(2);
        }
    }

    @Test
    void listsJobsByPrefixInIdOrder() {
        for (String id : List.of("web-b", "api", "web-a")) {
            h.apply(register(job(id, "5"), 1000));
        }
        try (StateReader s = h.store.reader()) {
            assertThat(s.jobs("default", "")).extracting(j -> j.id).containsExactly("api", "web-a", "web-b");
            assertThat(s.jobs("default", "web")).extracting(j -> j.id).containsExactly("web-a", "web-b");
            assertThat(s.jobs("other", "")).isEmpty();
            assertThat(s.jobs(StateReader.ALL_NAMESPACES, "w")).hasSize(2);
        }
    }
}

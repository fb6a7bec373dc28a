package io.drover.state;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static io.drover.testkit.fixtures.NodeAllocCommands.clientUpdate;
import static io.drover.testkit.fixtures.NodeAllocCommands.evals;
import static io.drover.testkit.fixtures.NodeAllocCommands.node;
import static io.drover.testkit.fixtures.NodeAllocCommands.placement;
import static io.drover.testkit.fixtures.NodeAllocCommands.plan;
import static io.drover.testkit.fixtures.NodeAllocCommands.planResults;
import static io.drover.testkit.fixtures.NodeAllocCommands.report;
import static io.drover.testkit.fixtures.NodeAllocCommands.status;
import static io.drover.testkit.fixtures.NodeAllocCommands.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.GcJobRef;
import io.drover.proto.raft.GcReapCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reap command deletes what the leader listed, but only what is still collectable when it applies. */
class GcReapApplyTest extends StoreTest {
    Node n1 = node("n1", "small");

    @BeforeEach
    void setUp() {
        h.apply(upsert(n1));
    }

    /** A batch job registered, placed once, its eval completed; the alloc reports {@code clientStatus}. */
    private Allocation runBatch(String id, String clientStatus) {
        WriteResult r = h.apply(register(job(id, "1"), 1000));
        Job job;
        Evaluation eval;
        try (StateReader s = h.store.reader()) {
            job = s.job("default", id).orElseThrow();
            eval = s.evaluation(r.getEvalId()).orElseThrow();
        }
        Allocation a = placement(job, n1, eval.id, 0, 10);
        h.apply(planResults(plan(eval.id, a)));
        Evaluation done = eval.copy();
        done.status = Evaluation.STATUS_COMPLETE;
        h.apply(evals(done));
        h.apply(clientUpdate(List.of(report(a.id, clientStatus))));
        return a;
    }

    private static RaftCommand reap(GcReapCommand.Builder b) {
        return RaftCommand.newBuilder().setRequestId(UUID.randomUUID().toString()).setLeaderTimeUnixNanos(9_000)
                .setGcReap(b).build();
    }

    private static GcJobRef ref(String jobId) {
        return GcJobRef.newBuilder().setNamespace("default").setJobId(jobId).build();
    }

    private String evalOf(String jobId) {
        try (StateReader s = h.store.reader()) {
            return s.evaluationsOfJob("default", jobId).get(0).id;
        }
    }

    @Test
    void aCompletedBatchJobGoesWithItsEvalAllocVersionsAndSummary() {
        Allocation a = runBatch("done", Allocation.CLIENT_COMPLETE);
        String evalId = evalOf("done");

        WriteResult r = h.apply(reap(GcReapCommand.newBuilder().addEvalId(evalId).addAllocId(a.id).addJob(ref("done"))));

        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "done")).isEmpty();
            assertThat(s.jobVersions("default", "done")).isEmpty();
            assertThat(s.jobSummary("default", "done")).isEmpty();
            assertThat(s.evaluation(evalId)).isEmpty();
            assertThat(s.evaluationsOfJob("default", "done")).isEmpty();
            assertThat(s.allocation(a.id)).isEmpty();
            assertThat(s.allocationsOfJob("default", "done", true)).isEmpty();
            assertThat(s.allocationsOfNode("n1")).isEmpty();
            assertThat(s.allocationsOfEval(evalId)).isEmpty();
            assertThat(s.tableIndex(Table.EVALS)).isEqualTo(r.getIndex());
            assertThat(s.tableIndex(Table.ALLOCS)).isEqualTo(r.getIndex());
            assertThat(s.tableIndex(Table.JOBS)).isEqualTo(r.getIndex());
        }
    }

    @Test
    void aRunningAllocationItsEvalsAndItsJobStay() {
        Allocation a = runBatch("busy", Allocation.CLIENT_RUNNING);
        String evalId = evalOf("busy");

        h.apply(reap(GcReapCommand.newBuilder().addEvalId(evalId).addAllocId(a.id).addJob(ref("busy"))));

        try (StateReader s = h.store.reader()) {
            assertThat(s.allocation(a.id)).isPresent();
            assertThat(s.job("default", "busy")).get().extracting(j -> j.status).isEqualTo(Job.STATUS_RUNNING);
            assertThat(s.jobSummary("default", "busy")).isPresent();
            // The evaluation was terminal, so it goes (as in Nomad, the collector would not have listed it).
            assertThat(s.evaluation(evalId)).isEmpty();
        }
    }

    @Test
    void aPendingEvaluationIsNotDeletedAndKeepsItsJob() {
        WriteResult r = h.apply(register(job("waiting", "1"), 1000));

        h.apply(reap(GcReapCommand.newBuilder().addEvalId(r.getEvalId()).addJob(ref("waiting"))));

        try (StateReader s = h.store.reader()) {
            assertThat(s.evaluation(r.getEvalId())).get().extracting(e -> e.status)
                    .isEqualTo(Evaluation.STATUS_PENDING);
            assertThat(s.job("default", "waiting")).isPresent();
        }
    }

    @Test
    void deletingTheLastEvaluationLeavesAJobDeadNotPending() {
        Allocation a = runBatch("kept", Allocation.CLIENT_COMPLETE);
        String evalId = evalOf("kept");

        h.apply(reap(GcReapCommand.newBuilder().addEvalId(evalId).addAllocId(a.id)));

        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "kept")).get().extracting(j -> j.status).isEqualTo(Job.STATUS_DEAD);
        }
    }

    @Test
    void aDownNodeGoesOnlyOnceItsAllocationsAreTerminal() {
        Allocation a = runBatch("on-n1", Allocation.CLIENT_RUNNING);
        h.apply(status("n1", Node.STATUS_DOWN, 50, null));

        h.apply(reap(GcReapCommand.newBuilder().addNodeId("n1")));
        try (StateReader s = h.store.reader()) {
            assertThat(s.node("n1")).isPresent();
        }

        h.apply(clientUpdate(List.of(report(a.id, Allocation.CLIENT_LOST))));
        h.apply(reap(GcReapCommand.newBuilder().addNodeId("n1")));
        try (StateReader s = h.store.reader()) {
            assertThat(s.node("n1")).isEmpty();
            assertThat(s.nodes("")).isEmpty();
        }
    }

    @Test
    void aReadyNodeStays() {
        h.apply(reap(GcReapCommand.newBuilder().addNodeId("n1")));
        try (StateReader s = h.store.reader()) {
            assertThat(s.node("n1")).isPresent();
        }
    }

    @Test
    void aDeadServiceJobThatWasNotStoppedStays() {
        Job spec = job("svc", "1");
        spec.type = Job.TYPE_SERVICE;
        WriteResult r = h.apply(register(spec, 1000));
        try (StateReader s = h.store.reader()) {
            Evaluation done = s.evaluation(r.getEvalId()).orElseThrow().copy();
            done.status = Evaluation.STATUS_COMPLETE;
            h.apply(evals(done));
        }

        h.apply(reap(GcReapCommand.newBuilder().addEvalId(r.getEvalId()).addJob(ref("svc"))));

        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "svc")).isPresent();
        }
    }

    /** A running batch job whose allocation reports {@code clientStatus}, placed for the job as registered now. */
    private Allocation placeCurrent(String id, String clientStatus) {
        Job job;
        String evalId;
        try (StateReader s = h.store.reader()) {
            job = s.job("default", id).orElseThrow();
            evalId = s.evaluationsOfJob("default", id).get(0).id;
        }
        Allocation a = placement(job, n1, evalId, 0, 10);
        h.apply(planResults(plan(evalId, a)));
        h.apply(clientUpdate(List.of(report(a.id, clientStatus))));
        return a;
    }

    private long storedJobCopies() {
        return h.store.entryCounts().get("alloc_jobs");
    }

    @Test
    void aJobVersionGoesWithTheLastAllocationPlacedForIt() {
        h.apply(register(job("two", "1"), 1000));
        Allocation old = placeCurrent("two", Allocation.CLIENT_COMPLETE);
        h.apply(register(job("two", "2"), 2000));
        Allocation current = placeCurrent("two", Allocation.CLIENT_RUNNING);
        assertThat(storedJobCopies()).isEqualTo(2);

        h.apply(reap(GcReapCommand.newBuilder().addAllocId(old.id)));

        assertThat(storedJobCopies()).isEqualTo(1);
        try (StateReader s = h.store.reader()) {
            Allocation kept = s.allocation(current.id).orElseThrow();
            assertThat(kept.job).isNotNull();
            assertThat(kept.job.version).isEqualTo(1L);
            assertThat(kept.job.taskGroups.get(0).tasks.get(0).config.get("args")).isEqualTo(List.of("2"));
        }

        h.apply(clientUpdate(List.of(report(current.id, Allocation.CLIENT_COMPLETE))));
        h.apply(reap(GcReapCommand.newBuilder().addAllocId(current.id)));

        assertThat(storedJobCopies()).isZero();
        try (StateReader s = h.store.reader()) {
            assertThat(s.job("default", "two")).isPresent();
        }
    }

    @Test
    void aRunningAllocationKeepsItsJobVersion() {
        Allocation a = runBatch("live", Allocation.CLIENT_RUNNING);

        h.apply(reap(GcReapCommand.newBuilder().addAllocId(a.id)));

        assertThat(storedJobCopies()).isEqualTo(1);
    }
}

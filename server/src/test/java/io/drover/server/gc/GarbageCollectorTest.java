package io.drover.server.gc;

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
import io.drover.model.ReschedulePolicy;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.GcReapCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.server.testing.TestStore;
import io.drover.state.StateReader;
import io.drover.testkit.fixtures.Commands;
import io.drover.testkit.fixtures.JobBody;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the leader's collector chooses, at Nomad's default thresholds, from a real state store:
 * its reap commands are applied as Raft would, with the test's clock standing for the leader's.
 */
class GarbageCollectorTest {
    private static final long T0 = Duration.ofDays(1000).toNanos();

    @TempDir
    Path dir;
    TestStore state;
    AtomicLong clock = new AtomicLong(T0);
    GarbageCollector gc;
    Node n1 = node("n1", "");

    @BeforeEach
    void setUp() {
        state = new TestStore(dir);
        gc = new GarbageCollector(state.store(), GcThresholds.defaults(), clock::get,
                command -> CompletableFuture.completedFuture(state.apply(command)));
        state.apply(upsert(n1));
    }

    @AfterEach
    void close() {
        state.store().close();
    }

    private void at(Duration sinceStart) {
        clock.set(T0 + sinceStart.toNanos());
    }

    /** Registers {@code spec} at T0, places one allocation, completes the eval; the alloc reports {@code clientStatus} at T0. */
    private Allocation run(Job spec, String clientStatus) {
        WriteResult r = state.apply(Commands.register(spec, T0));
        Job job;
        Evaluation eval;
        try (StateReader s = state.store().reader()) {
            job = s.job("default", spec.id).orElseThrow();
            eval = s.evaluation(r.getEvalId()).orElseThrow();
        }
        Allocation a = placement(job, n1, eval.id, 0, T0);
        state.apply(planResults(plan(eval.id, a)));
        Evaluation done = eval.copy();
        done.status = Evaluation.STATUS_COMPLETE;
        state.apply(evals(done));
        Allocation update = report(a.id, clientStatus);
        update.modifyTime = T0;
        state.apply(clientUpdate(List.of(update)));
        return a;
    }

    private GcReapCommand selectNow(GcCutoffs cutoffs) {
        try (StateReader s = state.store().reader()) {
            return GcSelector.select(s, cutoffs);
        }
    }

    private boolean jobExists(String id) {
        try (StateReader s = state.store().reader()) {
            return s.job("default", id).isPresent();
        }
    }

    @Test
    void aCompletedBatchJobGoesOnlyAfterTheJobThreshold() {
        Allocation a = run(Commands.job("batch", "1"), Allocation.CLIENT_COMPLETE);

        at(Duration.ofHours(2));
        // Past the eval threshold, but a live (not stopped) batch job keeps its evals and allocs.
        assertThat(gc.pass()).isEmpty();

        at(Duration.ofHours(4).plusMinutes(1));
        assertThat(gc.pass()).isPresent();

        try (StateReader s = state.store().reader()) {
            assertThat(s.job("default", "batch")).isEmpty();
            assertThat(s.evaluationsOfJob("default", "batch")).isEmpty();
            assertThat(s.allocation(a.id)).isEmpty();
        }
    }

    @Test
    void aRunningJobAndWhatItNeedsStayEvenWhenForced() {
        Job spec = JobBody.service("web").canonical();
        Allocation a = run(spec, Allocation.CLIENT_RUNNING);

        GcReapCommand reap = selectNow(GcCutoffs.forced(T0 + Duration.ofDays(30).toNanos()));

        assertThat(reap.getJobList()).isEmpty();
        assertThat(reap.getAllocIdList()).doesNotContain(a.id);
        assertThat(reap.getEvalIdList()).isEmpty();
    }

    @Test
    void aForcedCollectionIgnoresTheThresholds() {
        Allocation a = run(Commands.job("batch", "1"), Allocation.CLIENT_COMPLETE);

        GcReapCommand reap = selectNow(GcCutoffs.forced(T0));

        assertThat(reap.getJobList()).extracting(j -> j.getJobId()).containsExactly("batch");
        assertThat(reap.getAllocIdList()).containsExactly(a.id);
        assertThat(reap.getEvalIdCount()).isEqualTo(1);
    }

    @Test
    void aStoppedServiceJobGoesWithItsOldEvalsAndAllocs() {
        Job spec = JobBody.service("web").canonical();
        Allocation a = run(spec, Allocation.CLIENT_COMPLETE);
        Job stopped = spec.copy();
        stopped.stop = true;
        state.apply(Commands.register(stopped, T0));
        try (StateReader s = state.store().reader()) {
            for (Evaluation e : s.evaluationsOfJob("default", "web")) {
                Evaluation done = e.copy();
                done.status = Evaluation.STATUS_COMPLETE;
                state.apply(evals(done));
            }
        }

        at(Duration.ofHours(3));
        // The evals are past their threshold but the job is not: the evals of a dead, stopped job go.
        GcReapCommand early = selectNow(GcThresholds.defaults().cutoffs(clock.get()));
        assertThat(early.getJobList()).isEmpty();
        assertThat(early.getAllocIdList()).containsExactly(a.id);

        at(Duration.ofHours(5));
        gc.pass();
        assertThat(jobExists("web")).isFalse();
    }

    @Test
    void aFailedAllocationOfALiveJobStaysWhileItsReschedulePolicyMayReplaceIt() {
        Job spec = JobBody.service("web").canonical();
        ReschedulePolicy unlimited = new ReschedulePolicy();
        unlimited.unlimited = true;
        unlimited.attempts = 0;
        unlimited.interval = 0L;
        spec.taskGroups.get(0).reschedulePolicy = unlimited;
        Allocation failed = run(spec, Allocation.CLIENT_FAILED);

        try (StateReader s = state.store().reader()) {
            // As if the job still ran elsewhere (a dead job's allocations all go).
            Job live = s.job("default", "web").orElseThrow().copy();
            live.status = Job.STATUS_RUNNING;
            Allocation stored = s.allocation(failed.id).orElseThrow();
            assertThat(GcSelector.allocEligible(stored, live, Long.MAX_VALUE, clock.get())).isFalse();

            Allocation replaced = stored.shallowCopy();
            replaced.nextAllocation = "replacement";
            assertThat(GcSelector.allocEligible(replaced, live, Long.MAX_VALUE, clock.get())).isTrue();
        }
    }

    @Test
    void aDownNodeWithoutAllocationsGoesAfterTheNodeThreshold() {
        state.apply(upsert(node("n2", "")));
        state.apply(status("n2", Node.STATUS_DOWN, T0 / 1_000_000_000L, null));

        at(Duration.ofHours(23));
        assertThat(selectNow(GcThresholds.defaults().cutoffs(clock.get())).getNodeIdList()).isEmpty();

        at(Duration.ofHours(25));
        gc.pass();
        try (StateReader s = state.store().reader()) {
            assertThat(s.node("n2")).isEmpty();
            assertThat(s.node("n1")).isPresent();
        }
    }

    @Test
    void nothingTerminalMeansNoCommand() {
        at(Duration.ofDays(10));
        assertThat(gc.pass()).isEmpty();
    }
}

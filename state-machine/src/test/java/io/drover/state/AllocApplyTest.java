package io.drover.state;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static io.drover.testkit.fixtures.NodeAllocCommands.clientUpdate;
import static io.drover.testkit.fixtures.NodeAllocCommands.desiredTransitions;
import static io.drover.testkit.fixtures.NodeAllocCommands.evals;
import static io.drover.testkit.fixtures.NodeAllocCommands.node;
import static io.drover.testkit.fixtures.NodeAllocCommands.placement;
import static io.drover.testkit.fixtures.NodeAllocCommands.plan;
import static io.drover.testkit.fixtures.NodeAllocCommands.planResults;
import static io.drover.testkit.fixtures.NodeAllocCommands.preempted;
import static io.drover.testkit.fixtures.NodeAllocCommands.report;
import static io.drover.testkit.fixtures.NodeAllocCommands.stopped;
import static io.drover.testkit.fixtures.NodeAllocCommands.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.NetworkResource;
import io.drover.model.Resources;
import io.drover.model.alloc.AllocDeploymentStatus;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.alloc.TaskState;
import io.drover.model.node.Node;
import io.drover.model.resources.LegacyResources;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.PlanJobRef;
import io.drover.proto.raft.WriteResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans placing and stopping allocations, clients reporting on them, and what that does to jobs. */
class AllocApplyTest extends StoreTest {
    Node n1 = node("n1", "small");
    Job job;
    Evaluation registerEval;
    long planIndex;

    @BeforeEach
    void setUp() {
        h.apply(upsert(n1));
        Job spec = job("web", "5");
        spec.taskGroups.get(0).count = 3;
        WriteResult r = h.apply(register(spec, 1000));
        try (StateReader s = h.store.reader()) {
            job = s.job("default", "web").orElseThrow();
            registerEval = s.evaluation(r.getEvalId()).orElseThrow();
        }
    }

    /** The scheduler's pass: queued counts recorded, then three placements committed, then the eval completed. */
    private List<Allocation> placeThree() {
        Evaluation queued = registerEval.copy();
        queued.queuedAllocations = Map.of("g", 3);
        h.apply(evals(queued));
        List<Allocation> allocs = List.of(placement(job, n1, registerEval.id, 0, 10),
                placement(job, n1, registerEval.id, 1, 10), placement(job, n1, registerEval.id, 2, 10));
        WriteResult placed = h.apply(planResults(plan(registerEval.id, allocs.toArray(Allocation[]::new))));
        assertThat(placed.getCode()).isEqualTo(WriteResult.Code.OK);
        planIndex = placed.getIndex();
        Evaluation done = queued.copy();
        done.status = Evaluation.STATUS_COMPLETE;
        done.queuedAllocations = Map.of("g", 0);
        h.apply(evals(done));
        return allocs;
    }

    private JobSummary.TaskGroupSummary summary() {
        try (StateReader s = h.store.reader()) {
            return s.jobSummary("default", "web").orElseThrow().summary.get("g");
        }
    }

    private String jobStatus() {
        try (StateReader s = h.store.reader()) {
            return s.job("default", "web").orElseThrow().status;
        }
    }

    private Allocation alloc(String id) {
        try (StateReader s = h.store.reader()) {
            return s.allocation(id).orElseThrow();
        }
    }

    private static void assertCounts(JobSummary.TaskGroupSummary tg, int queued, int starting, int running,
            int complete, int failed, int lost) {
        assertThat(new int[] {tg.queued, tg.starting, tg.running, tg.complete, tg.failed, tg.lost})
                .as("queued, starting, running, complete, failed, lost")
                .containsExactly(queued, starting, running, complete, failed, lost);
    }

    @Test
    void placedAllocationsAreStoredAtTheEntryIndexWithTheirJobAndIndexes() {
        assertThat(jobStatus()).isEqualTo(Job.STATUS_PENDING);
        List<Allocation> placed = placeThree();

        Allocation a = alloc(placed.get(0).id);
        assertThat(a.createIndex).isEqualTo(planIndex);
        assertThat(a.modifyIndex).isEqualTo(planIndex);
        assertThat(a.allocModifyIndex).isEqualTo(planIndex);
        assertThat(a.job.id).isEqualTo("web");
        assertThat(a.job.createIndex).isEqualTo(job.createIndex);
        try (StateReader s = h.store.reader()) {
            assertThat(s.allocationsOfJob("default", "web", false)).hasSize(3);
            assertThat(s.allocationsOfNode("n1")).hasSize(3);
            assertThat(s.allocationsOfEval(registerEval.id)).hasSize(3);
            assertThat(s.tableIndex(Table.ALLOCS)).isEqualTo(planIndex);
            assertThat(s.evaluation(registerEval.id).orElseThrow().modifyIndex)
                    .as("the eval's final update").isEqualTo(h.index());
        }
        assertThat(jobStatus()).as("a live allocation makes the job run").isEqualTo(Job.STATUS_RUNNING);
        assertCounts(summary(), 0, 3, 0, 0, 0, 0);
    }

    @Test
    void placedAndUpdatedAllocationsGetThePre09ResourceTotalNomadsCliReads() {
        Allocation two = placement(job, n1, registerEval.id, 0, 10);
        NetworkResource lo = new NetworkResource();
        lo.device = "lo";
        lo.ip = "127.0.0.1";
        lo.mbits = 10;
        two.allocatedResources.tasks.put("t", new AllocatedTaskResources(100, 32));
        two.allocatedResources.tasks.get("t").networks = List.of(lo);
        two.allocatedResources.tasks.put("side", new AllocatedTaskResources(50, 20));
        two.taskResources = new LinkedHashMap<>();
        two.allocatedResources.tasks.forEach((name, t) -> two.taskResources.put(name, LegacyResources.ofTask(t)));
        two.sharedResources = LegacyResources.shared(300, null);
        long placedAt = h.apply(planResults(plan(registerEval.id, two))).getIndex();

        Resources total = alloc(two.id).resources;
        assertThat(new int[] {total.cpu, total.memoryMb, total.diskMb, total.iops})
                .as("CPU, MemoryMB, DiskMB, IOPS").containsExactly(150, 52, 300, 0);
        assertThat(total.networks).singleElement().satisfies(n -> assertThat(n.mbits).isEqualTo(10));

        // An in-place update leaves the total out, as Nomad's does: it is summed again.
        Allocation inPlace = alloc(two.id).copySkipJob();
        inPlace.job = null;
        inPlace.resources = null;
        inPlace.taskResources.get("side").cpu = 80;
        long updatedAt = h.apply(planResults(plan(registerEval.id, inPlace))).getIndex();

        assertThat(updatedAt).isGreaterThan(placedAt);
        assertThat(alloc(two.id).resources.cpu).isEqualTo(180);
    }

    @Test
    void summaryCountsFollowAWholeLifeCycle() {
        List<Allocation> placed = placeThree();
        String a = placed.get(0).id;
        String b = placed.get(1).id;
        String c = placed.get(2).id;

        h.apply(clientUpdate(List.of(report(a, "running"), report(b, "running"), report(c, "running"))));
        assertCounts(summary(), 0, 0, 3, 0, 0, 0);
        assertThat(jobStatus()).isEqualTo(Job.STATUS_RUNNING);

        h.apply(clientUpdate(List.of(report(a, "complete"), report(b, "failed"))));
        assertCounts(summary(), 0, 0, 1, 1, 1, 0);
        assertThat(jobStatus()).isEqualTo(Job.STATUS_RUNNING);

        h.apply(clientUpdate(List.of(report(c, "complete"))));
        assertCounts(summary(), 0, 0, 0, 2, 1, 0);
        assertThat(jobStatus()).as("every allocation and evaluation is terminal").isEqualTo(Job.STATUS_DEAD);
    }

    @Test
    void clientUpdatesTakeWhatTheClientKnows() {
        String id = placeThree().get(0).id;
        Allocation r = report(id, "running");
        TaskState running = new TaskState();
        running.state = TaskState.STATE_RUNNING;
        r.taskStates = Map.of("t", running);
        r.deploymentStatus = new AllocDeploymentStatus();
        r.deploymentStatus.healthy = true;
        r.deploymentStatus.timestamp = "2023-11-14T22:13:20Z";
        r.modifyTime = 77L;

        WriteResult result = h.apply(clientUpdate(List.of(r)));

        Allocation a = alloc(id);
        assertThat(a.clientStatus).isEqualTo("running");
        assertThat(a.clientDescription).isEqualTo("Tasks are running");
        assertThat(a.taskStates.get("t").state).isEqualTo("running");
        assertThat(a.deploymentStatus.healthy).isTrue();
        assertThat(a.deploymentStatus.modifyIndex).isEqualTo(result.getIndex());
        assertThat(a.modifyIndex).isEqualTo(result.getIndex());
        assertThat(a.allocModifyIndex).as("client updates leave it").isLessThan(result.getIndex());
        assertThat(a.modifyTime).isEqualTo(77L);
        assertThat(a.desiredStatus).isEqualTo(Allocation.DESIRED_RUN);
    }

    @Test
    void updatesOfUnknownAllocationsAreIgnored() {
        WriteResult r = h.apply(clientUpdate(List.of(report("gone", "running"))));
        assertThat(r.getCode()).isEqualTo(WriteResult.Code.OK);
        try (StateReader s = h.store.reader()) {
            assertThat(s.allocation("gone")).isEmpty();
            assertThat(s.tableIndex(Table.ALLOCS)).as("Nomad moves the index anyway").isEqualTo(r.getIndex());
        }
    }

    @Test
    void aPlanUpdatingAnAllocationKeepsWhatTheClientReported() {
        Allocation placedA = placeThree().get(0);
        Allocation r = report(placedA.id, "running");
        TaskState running = new TaskState();
        running.state = TaskState.STATE_RUNNING;
        r.taskStates = Map.of("t", running);
        h.apply(clientUpdate(List.of(r)));

        // An in-place update planned by a later evaluation, from a snapshot that still said pending.
        Evaluation later = registerEval.copy();
        later.id = "later-eval";
        later.status = Evaluation.STATUS_PENDING;
        h.apply(evals(later));
        Allocation inPlace = placedA.copySkipJob();
        inPlace.evalId = later.id;
        inPlace.job = null;
        WriteResult w = h.apply(planResults(plan(later.id, inPlace)));

        Allocation a = alloc(placedA.id);
        assertThat(a.clientStatus).isEqualTo("running");
        assertThat(a.taskStates).containsKey("t");
        assertThat(a.createIndex).isEqualTo(planIndex);
        assertThat(a.allocModifyIndex).isEqualTo(w.getIndex());
        assertThat(a.job.id).as("the stored job stays attached").isEqualTo("web");
        try (StateReader s = h.store.reader()) {
            assertThat(s.allocationsOfEval(later.id)).extracting(x -> x.id).containsExactly(placedA.id);
            assertThat(s.allocationsOfEval(registerEval.id)).extracting(x -> x.id).doesNotContain(placedA.id);
        }
        assertCounts(summary(), 0, 2, 1, 0, 0, 0);
    }

    @Test
    void anInPlaceUpdateMovesTheAllocationToThePlansJobVersion() {
        List<Allocation> placed = placeThree();
        Job scaled = job.copy();
        scaled.taskGroups.get(0).count = 4;
        WriteResult r = h.apply(register(scaled, 2000));
        Job v1;
        Evaluation scaleEval;
        try (StateReader s = h.store.reader()) {
            v1 = s.job("default", "web").orElseThrow();
            scaleEval = s.evaluation(r.getEvalId()).orElseThrow();
        }
        assertThat(v1.version).isEqualTo(1);
        // A later register (version 2) lands before the plan for version 1 commits.
        Job v2Spec = v1.copy();
        v2Spec.meta = Map.of("later", "yes");
        h.apply(register(v2Spec, 3000));
        Allocation inPlace = placed.get(0).copySkipJob();
        inPlace.evalId = scaleEval.id;
        inPlace.job = null;
        Allocation terminal = placed.get(1).copySkipJob();
        terminal.clientStatus = Allocation.CLIENT_FAILED;
        terminal.followupEvalId = "follow-up";
        terminal.job = null;

        WriteResult w = h.apply(planResults(plan(scaleEval.id, inPlace, terminal)
                .setJob(PlanJobRef.newBuilder().setNamespace("default").setJobId("web").setVersion(1)
                        .setJobModifyIndex(v1.jobModifyIndex))));

        assertThat(w.getCode()).isEqualTo(WriteResult.Code.OK);
        Allocation a = alloc(inPlace.id);
        assertThat(a.job.version).as("the version the plan was made for").isEqualTo(1);
        assertThat(a.job.taskGroups.get(0).count).isEqualTo(4);
        assertThat(a.modifyIndex).isEqualTo(w.getIndex());
        assertThat(a.allocModifyIndex).isEqualTo(w.getIndex());
        assertThat(a.createIndex).isEqualTo(planIndex);
        assertThat(alloc(terminal.id).job.version).as("a terminal allocation keeps its job").isZero();
        assertThat(alloc(placed.get(2).id).job.version).as("not in the plan, not moved").isZero();
        assertThat(a.stub().jobVersion).isEqualTo(1);
    }

    @Test
    void stoppedAllocationsTakeTheSchedulersDecision() {
        List<Allocation> placed = placeThree();
        h.apply(clientUpdate(List.of(report(placed.get(0).id, "running"))));
        String json = "{\"Migrate\":true}";
        WriteResult w = h.apply(planResults(plan(registerEval.id)
                .addStopped(stopped(placed.get(0).id, "alloc is lost since its node is down")
                        .setClientStatus("lost").setModifyTime(999)
                        .setDesiredTransitionJson(com.google.protobuf.ByteString.copyFromUtf8(json)))
                .addStopped(stopped(placed.get(1).id, "alloc not needed due to job update"))));

        assertThat(w.getCode()).isEqualTo(WriteResult.Code.OK);
        Allocation lost = alloc(placed.get(0).id);
        assertThat(lost.desiredStatus).isEqualTo(Allocation.DESIRED_STOP);
        assertThat(lost.desiredDescription).isEqualTo("alloc is lost since its node is down");
        assertThat(lost.clientStatus).isEqualTo(Allocation.CLIENT_LOST);
        assertThat(lost.modifyTime).isEqualTo(999L);
        assertThat(lost.desiredTransition.shouldMigrate()).isTrue();
        assertThat(lost.modifyIndex).isEqualTo(w.getIndex());
        Allocation stopped = alloc(placed.get(1).id);
        assertThat(stopped.desiredStatus).isEqualTo(Allocation.DESIRED_STOP);
        assertThat(stopped.clientStatus).as("the client's to change").isEqualTo(Allocation.CLIENT_PENDING);
        assertCounts(summary(), 0, 2, 0, 0, 0, 1);
        assertThat(jobStatus()).isEqualTo(Job.STATUS_RUNNING);
    }

    @Test
    void aNodesAllocationsCanBeReadByTerminalStatus() {
        List<Allocation> placed = placeThree();
        h.apply(clientUpdate(List.of(report(placed.get(2).id, "failed"))));
        h.apply(planResults(plan(registerEval.id).addStopped(stopped(placed.get(0).id, "alloc not needed"))));

        try (StateReader s = h.store.reader()) {
            assertThat(s.allocationsOfNode("n1", false)).extracting(a -> a.id).containsExactly(placed.get(1).id);
            assertThat(s.allocationsOfNode("n1", false).get(0).job.id).as("job attached").isEqualTo("web");
            assertThat(s.allocationsOfNode("n1", true)).extracting(a -> a.id)
                    .containsExactlyInAnyOrder(placed.get(0).id, placed.get(2).id);
            assertThat(s.allocationsOfNode("n2", false)).isEmpty();
        }
    }

    @Test
    void aNodesAllocationsCanBeReadByWhatChangedAfterAnIndex() {
        List<Allocation> placed = placeThree();
        WriteResult reported = h.apply(clientUpdate(List.of(report(placed.get(1).id, "running"))));
        WriteResult stopped = h.apply(planResults(plan(registerEval.id)
                .addStopped(stopped(placed.get(2).id, "alloc not needed"))));

        try (StateReader s = h.store.reader()) {
            assertThat(s.allocationsOfNodeModifiedAfter("n1", planIndex - 1)).hasSize(3);
            assertThat(s.allocationsOfNodeModifiedAfter("n1", planIndex)).extracting(a -> a.id)
                    .containsExactlyInAnyOrder(placed.get(1).id, placed.get(2).id);
            assertThat(s.allocationsOfNodeModifiedAfter("n1", reported.getIndex())).extracting(a -> a.id)
                    .as("a terminal allocation is sent when it changes").containsExactly(placed.get(2).id);
            assertThat(s.allocationsOfNodeModifiedAfter("n1", reported.getIndex()).get(0).job.id).isEqualTo("web");
            assertThat(s.allocationsOfNodeModifiedAfter("n1", stopped.getIndex())).isEmpty();
        }
    }

    @Test
    void preemptedAllocationsAreEvictedAndReplacementsLinked() {
        List<Allocation> placed = placeThree();
        Allocation replacement = placement(job, n1, registerEval.id, 0, 20);
        replacement.previousAllocation = placed.get(0).id;
        WriteResult w = h.apply(planResults(plan(registerEval.id, replacement)
                .addPreemptedJson(io.drover.testkit.fixtures.Commands.json(preempted(placed.get(1).id, replacement.id)))));

        assertThat(w.getCode()).isEqualTo(WriteResult.Code.OK);
        Allocation evicted = alloc(placed.get(1).id);
        assertThat(evicted.desiredStatus).isEqualTo(Allocation.DESIRED_EVICT);
        assertThat(evicted.preemptedByAllocation).isEqualTo(replacement.id);
        assertThat(evicted.desiredDescription).isEqualTo("Preempted by alloc ID " + replacement.id);
        Allocation previous = alloc(placed.get(0).id);
        assertThat(previous.nextAllocation).isEqualTo(replacement.id);
        assertThat(previous.modifyIndex).isEqualTo(w.getIndex());
    }

    @Test
    void stoppingAnUnknownAllocationRefusesThePlan() {
        Allocation extra = placement(job, n1, registerEval.id, 0, 20);
        WriteResult w = h.apply(planResults(plan(registerEval.id, extra).addStopped(stopped("gone", "x"))));
        assertThat(w.getCode()).isEqualTo(WriteResult.Code.NOT_FOUND);
        try (StateReader s = h.store.reader()) {
            assertThat(s.allocation(extra.id)).as("nothing of the plan is applied").isEmpty();
        }
    }

    @Test
    void jobStatusGoesFromPendingToRunningToDead() {
        assertThat(jobStatus()).isEqualTo(Job.STATUS_PENDING);
        List<Allocation> placed = placeThree();
        assertThat(jobStatus()).isEqualTo(Job.STATUS_RUNNING);
        h.apply(planResults(plan(registerEval.id)
                .addStopped(stopped(placed.get(0).id, "stop"))
                .addStopped(stopped(placed.get(1).id, "stop"))
                .addStopped(stopped(placed.get(2).id, "stop"))));
        assertThat(jobStatus()).as("server-terminal allocations and a complete eval").isEqualTo(Job.STATUS_DEAD);
    }

    @Test
    void oneClientUpdateFinishingEveryAllocationLeavesTheJobDead() {
        List<Allocation> placed = placeThree();
        h.apply(clientUpdate(placed.stream().map(a -> report(a.id, "running")).toList()));
        assertThat(jobStatus()).isEqualTo(Job.STATUS_RUNNING);

        // The last report of the command sees the first two, made terminal by the same command.
        h.apply(clientUpdate(placed.stream().map(a -> report(a.id, "complete")).toList()));
        assertThat(jobStatus()).isEqualTo(Job.STATUS_DEAD);
        assertCounts(summary(), 0, 0, 0, 3, 0, 0);
    }

    @Test
    void aReportThatArrivesAfterTheAllocationFinishedDoesNotBringItBack() {
        // A "running" report held up in a forward (a leader paused mid-request) can commit after
        // the client's later "complete", sent again elsewhere once the first send timed out.
        List<Allocation> placed = placeThree();
        String a = placed.get(0).id;
        h.apply(clientUpdate(List.of(report(a, "running"))));
        h.apply(clientUpdate(List.of(report(a, "complete"))));
        long finishedAt = alloc(a).modifyIndex;

        h.apply(clientUpdate(List.of(report(a, "running"))));

        assertThat(alloc(a).clientStatus).isEqualTo("complete");
        assertThat(alloc(a).modifyIndex).as("the stale report changed nothing").isEqualTo(finishedAt);
        assertCounts(summary(), 0, 2, 0, 1, 0, 0);
    }

    @Test
    void desiredTransitionsMergeFlagByFlag() {
        List<Allocation> placed = placeThree();
        DesiredTransition migrate = new DesiredTransition();
        migrate.migrate = true;
        h.apply(desiredTransitions(Map.of(placed.get(0).id, migrate)));
        DesiredTransition reschedule = new DesiredTransition();
        reschedule.reschedule = true;
        Evaluation followup = registerEval.copy();
        followup.id = "followup";
        followup.status = Evaluation.STATUS_PENDING;
        WriteResult w = h.apply(desiredTransitions(Map.of(placed.get(0).id, reschedule, "gone", reschedule), followup));

        assertThat(w.getEvalIdsList()).containsExactly("followup");
        Allocation a = alloc(placed.get(0).id);
        assertThat(a.desiredTransition.shouldMigrate()).isTrue();
        assertThat(a.desiredTransition.shouldReschedule()).isTrue();
        assertThat(a.modifyIndex).isEqualTo(w.getIndex());
        try (StateReader s = h.store.reader()) {
            assertThat(s.evaluation("followup").orElseThrow().createIndex).isEqualTo(w.getIndex());
        }
    }
}

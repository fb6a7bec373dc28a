package io.drover.scheduler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskState;
import io.drover.model.json.GoTime;
import io.drover.model.node.Node;
import io.drover.model.scheduling.DesiredUpdates;
import io.drover.model.scheduling.Evaluation;
import io.drover.scheduler.Descriptions;
import io.drover.scheduler.EvalTriggers;
import io.drover.scheduler.Fixtures;
import io.drover.scheduler.TaskChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AllocReconcilerTest {
    private static final Node NODE = Fixtures.node("node-1");

    /** Same version: ignore; task changes: destructive; anything else: in place. */
    private static final AllocUpdateFn UPDATE = (existing, newJob, tg) -> {
        if (Objects.equals(existing.job.jobModifyIndex, newJob.jobModifyIndex)) {
            return UpdateDecision.IGNORE;
        }
        if (TaskChanges.tasksUpdated(newJob, existing.job, tg.name)) {
            return UpdateDecision.DESTRUCTIVE;
        }
        Allocation updated = existing.shallowCopy();
        updated.job = null;
        return UpdateDecision.inPlace(updated);
    };

    private final AtomicInteger ids = new AtomicInteger();

    private ReconcileResults reconcile(Job job, List<Allocation> allocs, Map<String, Node> tainted, boolean batch) {
        return new AllocReconciler(UPDATE, batch, job.id, job, allocs, tainted, "eval-1", Fixtures.NOW,
                () -> "followup-" + ids.incrementAndGet()).compute();
    }

    private static Job job(int count) {
        Job j = Fixtures.service("web", count);
        j.version = 0L;
        j.createIndex = 10L;
        j.modifyIndex = 10L;
        j.jobModifyIndex = 10L;
        return j;
    }

    private static List<Allocation> running(Job job, int n) {
        List<Allocation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Fixtures.alloc(String.format("alloc-%02d", i), job, i, NODE));
        }
        return out;
    }

    private static List<String> placeNames(ReconcileResults r) {
        return r.place.stream().map(AllocPlaceResult::name).toList();
    }

    private static List<String> stopNames(ReconcileResults r) {
        return r.stop.stream().map(s -> s.alloc().name).toList();
    }

    @Test
    void placesEveryMissingNameLowestIndexFirst() {
        ReconcileResults r = reconcile(job(10), List.of(), Map.of(), false);

        assertThat(placeNames(r)).containsExactly("web.web[0]", "web.web[1]", "web.web[2]", "web.web[3]",
                "web.web[4]", "web.web[5]", "web.web[6]", "web.web[7]", "web.web[8]", "web.web[9]");
        assertThat(r.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withPlace(10));
        assertThat(r.stop).isEmpty();
    }

    @Test
    void scaleDownStopsTheHighestIndexesFirst() {
        Job j = job(7);
        ReconcileResults r = reconcile(j, running(j, 10), Map.of(), false);

        assertThat(stopNames(r)).containsExactlyInAnyOrder("web.web[7]", "web.web[8]", "web.web[9]");
        assertThat(r.stop).allSatisfy(s -> assertThat(s.description()).isEqualTo(Descriptions.ALLOC_NOT_NEEDED));
        assertThat(r.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withStop(3).withIgnore(7));
    }

    @Test
    void freedNamesAreReusedBeforeNewOnes() {
        Job j = job(3);
        List<Allocation> allocs = running(j, 3);
        allocs.remove(1);

        ReconcileResults r = reconcile(j, allocs, Map.of(), false);

        assertThat(placeNames(r)).containsExactly("web.web[1]");
    }

    @Test
    void taskChangeIsDestructiveOtherChangesAreInPlace() {
        Job old = job(2);
        List<Allocation> allocs = running(old, 2);

        Job configChanged = job(2);
        configChanged.jobModifyIndex = 20L;
        configChanged.taskGroups.get(0).tasks.get(0).config = new LinkedHashMap<>(Map.of("command", "/bin/ls"));
        ReconcileResults destructive = reconcile(configChanged, allocs, Map.of(), false);
        assertThat(destructive.destructiveUpdate).extracting(AllocDestructiveResult::name)
                .containsExactly("web.web[0]", "web.web[1]");
        assertThat(destructive.destructiveUpdate).allSatisfy(
                d -> assertThat(d.stopDescription()).isEqualTo(Descriptions.ALLOC_UPDATING));
        assertThat(destructive.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withDestructiveUpdate(2));

        Job constraintsChanged = job(2);
        constraintsChanged.jobModifyIndex = 30L;
        constraintsChanged.taskGroups.get(0).constraints =
                new ArrayList<>(List.of(Fixtures.constraint("${attr.kernel.name}", "=", "linux")));
        ReconcileResults inPlace = reconcile(constraintsChanged, allocs, Map.of(), false);
        assertThat(inPlace.inplaceUpdate).hasSize(2);
        assertThat(inPlace.destructiveUpdate).isEmpty();
        assertThat(inPlace.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withInPlaceUpdate(2));
    }

    @Test
    void allocationsOnADownNodeAreLostAndReplacedUnderTheSameName() {
        Job j = job(3);
        List<Allocation> allocs = running(j, 3);
        Node down = Fixtures.node("node-2");
        down.status = Node.STATUS_DOWN;
        allocs.get(2).nodeId = down.id;

        ReconcileResults r = reconcile(j, allocs, Map.of(down.id, down), false);

        assertThat(r.stop).singleElement().satisfies(s -> {
            assertThat(s.alloc().id).isEqualTo("alloc-02");
            assertThat(s.clientStatus()).isEqualTo(Allocation.CLIENT_LOST);
            assertThat(s.description()).isEqualTo(Descriptions.ALLOC_LOST);
        });
        assertThat(placeNames(r)).containsExactly("web.web[2]");
        assertThat(r.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withPlace(1).withStop(1).withIgnore(2));
    }

    @Test
    void allocationsOnAGoneNodeAreLostToo() {
        Job j = job(1);
        List<Allocation> allocs = running(j, 1);
        Map<String, Node> tainted = new HashMap<>();
        tainted.put(NODE.id, null);

        ReconcileResults r = reconcile(j, allocs, tainted, false);

        assertThat(r.stop).singleElement().satisfies(s -> assertThat(s.clientStatus()).isEqualTo(Allocation.CLIENT_LOST));
        assertThat(placeNames(r)).containsExactly("web.web[0]");
    }

    @Test
    void drainMigratesAllocationsAskedToMigrate() {
        Job j = job(2);
        List<Allocation> allocs = running(j, 2);
        allocs.get(0).desiredTransition.migrate = true;
        Node draining = NODE.copy();
        draining.drain = true;

        ReconcileResults r = reconcile(j, allocs, Map.of(NODE.id, draining), false);

        assertThat(r.stop).singleElement().satisfies(s -> {
            assertThat(s.alloc().id).isEqualTo("alloc-00");
            assertThat(s.description()).isEqualTo(Descriptions.ALLOC_MIGRATING);
        });
        assertThat(r.place).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("web.web[0]");
            assertThat(p.previousAllocation().id).isEqualTo("alloc-00");
            assertThat(p.reschedule()).isFalse();
        });
        assertThat(r.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withMigrate(1).withIgnore(1));
    }

    @Test
    void failedAllocationPastItsDelayIsRescheduledNow() {
        Job j = job(2);
        List<Allocation> allocs = running(j, 2);
        failed(allocs.get(1), Duration.ofHours(1));

        ReconcileResults r = reconcile(j, allocs, Map.of(), false);

        assertThat(r.place).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("web.web[1]");
            assertThat(p.reschedule()).isTrue();
            assertThat(p.previousAllocation().id).isEqualTo("alloc-01");
        });
        assertThat(r.stop).singleElement().satisfies(
                s -> assertThat(s.description()).isEqualTo(Descriptions.ALLOC_RESCHEDULED));
        assertThat(r.desiredFollowupEvals).isEmpty();
    }

    @Test
    void freshlyFailedAllocationWaitsForADelayedEvaluation() {
        Job j = job(2);
        List<Allocation> allocs = running(j, 2);
        failed(allocs.get(0), Duration.ZERO);
        failed(allocs.get(1), Duration.ofSeconds(-2));

        ReconcileResults r = reconcile(j, allocs, Map.of(), false);

        assertThat(r.place).isEmpty();
        List<Evaluation> followups = r.desiredFollowupEvals.get("web");
        assertThat(followups).singleElement().satisfies(e -> {
            assertThat(e.triggeredBy).isEqualTo(EvalTriggers.RETRY_FAILED_ALLOC);
            assertThat(e.status).isEqualTo(Evaluation.STATUS_PENDING);
            assertThat(e.statusDescription).isEqualTo(Descriptions.RESCHEDULING_FOLLOWUP_EVAL);
            assertThat(e.waitUntil).isEqualTo(GoTime.format(Fixtures.NOW.plusSeconds(30)));
            assertThat(e.jobId).isEqualTo("web");
        });
        String evalId = followups.get(0).id;
        assertThat(r.attributeUpdates.values()).extracting(a -> a.followupEvalId).containsOnly(evalId);
        assertThat(r.attributeUpdates).containsOnlyKeys("alloc-00", "alloc-01");
    }

    @Test
    void failedAllocationWithItsFollowupEvalIsRescheduledByIt() {
        Job j = job(1);
        List<Allocation> allocs = running(j, 1);
        failed(allocs.get(0), Duration.ZERO);
        allocs.get(0).followupEvalId = "eval-1";

        ReconcileResults r = reconcile(j, allocs, Map.of(), false);

        assertThat(r.place).singleElement().satisfies(p -> assertThat(p.reschedule()).isTrue());
    }

    @Test
    void stoppedJobStopsEverythingLive() {
        Job j = job(3);
        List<Allocation> allocs = running(j, 3);
        allocs.get(0).clientStatus = Allocation.CLIENT_COMPLETE;
        j.stop = true;

        ReconcileResults r = reconcile(j, allocs, Map.of(), false);

        assertThat(stopNames(r)).containsExactly("web.web[1]", "web.web[2]");
        assertThat(r.place).isEmpty();
        assertThat(r.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withStop(2));
    }

    @Test
    void purgedJobStopsEverythingLive() {
        Job j = job(2);
        List<Allocation> allocs = running(j, 2);

        ReconcileResults r = new AllocReconciler(UPDATE, false, "web", null, allocs, Map.of(), "eval-1",
                Fixtures.NOW, () -> "x").compute();

        assertThat(r.stop).hasSize(2);
    }

    @Test
    void batchKeepsCompletedAllocationsAndDoesNotRunThemAgain() {
        Job j = Fixtures.batch("web", 2);
        j.version = 0L;
        j.createIndex = 10L;
        j.jobModifyIndex = 10L;
        List<Allocation> allocs = running(j, 2);
        allocs.get(0).clientStatus = Allocation.CLIENT_COMPLETE;
        TaskState done = new TaskState();
        done.state = "dead";
        done.failed = false;
        allocs.get(0).taskStates = new LinkedHashMap<>(Map.of("web", done));

        ReconcileResults r = reconcile(j, allocs, Map.of(), true);

        assertThat(r.place).isEmpty();
        assertThat(r.stop).isEmpty();
        assertThat(r.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withIgnore(2));
    }

    @Test
    void batchIgnoresFinishedAllocationsOfOlderVersionsAndPlacesTheNewVersion() {
        Job old = Fixtures.batch("web", 1);
        old.version = 0L;
        old.createIndex = 10L;
        old.jobModifyIndex = 10L;
        List<Allocation> allocs = running(old, 1);
        allocs.get(0).clientStatus = Allocation.CLIENT_COMPLETE;
        Job updated = Fixtures.batch("web", 1);
        updated.version = 1L;
        updated.createIndex = 10L;
        updated.jobModifyIndex = 11L;

        ReconcileResults r = reconcile(updated, allocs, Map.of(), true);

        // As Nomad's recorded plan of an edited batch job: {"Ignore":1,"Place":1}.
        assertThat(r.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withIgnore(1).withPlace(1));
    }

    @Test
    void removedGroupIsStopped() {
        Job j = job(1);
        List<Allocation> allocs = running(j, 1);
        allocs.get(0).taskGroup = "gone";

        ReconcileResults r = reconcile(j, allocs, Map.of(), false);

        assertThat(r.desiredTgUpdates.get("gone")).isEqualTo(DesiredUpdates.none().withStop(1));
        assertThat(placeNames(r)).containsExactly("web.web[0]");
    }

    /** Marks the allocation failed {@code ago} before now, as its last event. */
    private static void failed(Allocation a, Duration ago) {
        a.clientStatus = Allocation.CLIENT_FAILED;
        a.modifyTime = GoTime.unixNanos(Fixtures.NOW.minus(ago));
    }
}

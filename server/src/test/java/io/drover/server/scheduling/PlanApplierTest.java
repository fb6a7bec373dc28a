package io.drover.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.alloc.Allocation;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.RocksStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan applier with fakes around it: the broker's outstanding tokens, the plan evaluator's
 * verdict and Raft's answer are whatever each test says; the state store is a real, empty one.
 */
class PlanApplierTest {
    @TempDir
    Path dir;
    RocksStateStore store;
    final Map<String, String> outstanding = new LinkedHashMap<>();
    final List<RaftCommand> submitted = new ArrayList<>();
    PlanResult verdict;
    WriteResult raftAnswer = WriteResult.newBuilder().setCode(WriteResult.Code.OK).setIndex(42).build();
    PlanApplier applier;

    @BeforeEach
    void open() {
        store = RocksStateStore.open(dir);
        applier = new PlanApplier(new PlanQueue(), store, evalId -> Optional.ofNullable(outstanding.get(evalId)),
                (reader, plan) -> verdict,
                (plan, result) -> PlanResultsCommand.newBuilder().setEvalId(plan.evalId).build(),
                command -> {
                    submitted.add(command);
                    return CompletableFuture.completedFuture(raftAnswer);
                }, () -> 7_000_000_000L);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Plan plan(String evalId, String token) {
        Plan p = new Plan();
        p.evalId = evalId;
        p.evalToken = token;
        p.priority = 50;
        return p;
    }

    private static PlanResult placing(String nodeId) {
        Allocation a = new Allocation();
        a.id = "alloc-1";
        a.nodeId = nodeId;
        PlanResult r = new PlanResult();
        r.nodeAllocation = new LinkedHashMap<>(Map.of(nodeId, List.of(a)));
        return r;
    }

    private CompletableFuture<PlanResult> apply(Plan plan) {
        PlanQueue.Pending pending = new PlanQueue.Pending(plan, 1, new CompletableFuture<>());
        applier.apply(pending);
        return pending.result();
    }

    @Test
    void aPlanWhoseTokenNoLongerMatchesIsRefused() {
        outstanding.put("eval-1", "token-new");
        verdict = placing("node-1");

        CompletableFuture<PlanResult> stale = apply(plan("eval-1", "token-old"));
        CompletableFuture<PlanResult> unknown = apply(plan("eval-2", "token-new"));

        for (CompletableFuture<PlanResult> f : List.of(stale, unknown)) {
            assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("evaluation token does not match");
        }
        assertThat(submitted).as("nothing reaches Raft").isEmpty();
    }

    @Test
    void aNoOpVerdictIsAnsweredWithoutRaft() throws Exception {
        outstanding.put("eval-1", "t");
        verdict = new PlanResult();

        PlanResult r = apply(plan("eval-1", "t")).get();

        assertThat(r).isSameAs(verdict);
        assertThat(r.allocIndex).isZero();
        assertThat(submitted).isEmpty();
    }

    @Test
    void theAnswerCarriesTheIndexesTheCommitGaveEachAllocation() throws Exception {
        outstanding.put("eval-1", "t");
        verdict = placing("node-1");
        Allocation placed = verdict.nodeAllocation.get("node-1").get(0);
        Allocation updated = new Allocation();
        updated.id = "alloc-2";
        updated.nodeId = "node-1";
        updated.createIndex = 10L;
        updated.modifyIndex = 10L;
        verdict.nodeAllocation.put("node-1", List.of(placed, updated));

        PlanResult r = apply(plan("eval-1", "t")).get();

        // As Nomad's applier answers after applying the plan to its snapshot: the scheduler counts
        // an allocation with CreateIndex == ModifyIndex as a new placement no longer queued.
        assertThat(placed.createIndex).isEqualTo(42L);
        assertThat(placed.modifyIndex).isEqualTo(42L);
        assertThat(updated.createIndex).isEqualTo(10L);
        assertThat(updated.modifyIndex).isEqualTo(42L);
        assertThat(updated.allocModifyIndex).isEqualTo(42L);
        assertThat(r.nodeAllocation.get("node-1")).containsExactly(placed, updated);
    }

    @Test
    void aCommittedPlanIsAnsweredWithTheIndexItWasWrittenAt() throws Exception {
        outstanding.put("eval-1", "t");
        verdict = placing("node-1");

        PlanResult r = apply(plan("eval-1", "t")).get();

        assertThat(r.allocIndex).isEqualTo(42L);
        assertThat(r.nodeAllocation).containsKey("node-1");
        assertThat(submitted).hasSize(1);
        RaftCommand command = submitted.get(0);
        assertThat(command.hasPlanResults()).isTrue();
        assertThat(command.getPlanResults().getEvalId()).isEqualTo("eval-1");
        assertThat(command.getLeaderTimeUnixNanos()).isEqualTo(7_000_000_000L);
    }

    @Test
    void aRefusedCommitFailsTheSubmission() {
        outstanding.put("eval-1", "t");
        verdict = placing("node-1");
        raftAnswer = WriteResult.newBuilder().setCode(WriteResult.Code.NOT_LEADER).setError("not the leader").build();

        CompletableFuture<PlanResult> f = apply(plan("eval-1", "t"));

        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("plan commit failed: not the leader");
        assertThat(submitted).hasSize(1);
    }
}

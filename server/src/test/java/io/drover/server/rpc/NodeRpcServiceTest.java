package io.drover.server.rpc;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static io.drover.testkit.fixtures.NodeAllocCommands.node;
import static io.drover.testkit.fixtures.NodeAllocCommands.placement;
import static io.drover.testkit.fixtures.NodeAllocCommands.plan;
import static io.drover.testkit.fixtures.NodeAllocCommands.planResults;
import static io.drover.testkit.fixtures.NodeAllocCommands.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WatchAllocsRequest;
import io.drover.proto.rpc.WatchAllocsResponse;
import io.drover.state.StateChangeListener;
import io.drover.state.StateReader;
import io.drover.state.apply.CommandApplier;
import io.drover.state.rocks.RocksStateStore;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allocation watch against a real store fed entries as Raft applies them, batched entries
 * included: a node must hear of every allocation placed for it, whichever command of an entry
 * placed it.
 */
class NodeRpcServiceTest {
    @TempDir
    Path dir;
    private RocksStateStore store;
    private final CommandApplier applier = new CommandApplier();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private NodeRpcService service;
    private long index;
    private final Node n1 = node("n1", "");
    private Job web;
    private String evalId;

    @BeforeEach
    void open() {
        store = RocksStateStore.open(dir);
        service = new NodeRpcService(w -> CompletableFuture.failedFuture(new UnsupportedOperationException()), store,
                timers, Runnable::run);
        applyEntry(upsert(n1));
        evalId = applyEntry(register(job("web", "5"), 1000)).getEvalId();
        try (StateReader r = store.reader()) {
            web = r.job("default", "web").orElseThrow();
        }
    }

    @AfterEach
    void close() {
        timers.shutdownNow();
        store.close();
    }

    @Test
    void aWatchWakesOnlyOnceEveryCommandOfABatchedEntryIsApplied() throws Exception {
        long before = index;
        CompletableFuture<WatchAllocsResponse> watch = watch(before);

        Allocation first = placement(web, n1, evalId, 0, 10);
        Allocation second = placement(web, n1, evalId, 1, 10);
        applyInEntry(index + 1, 0, planResults(plan(evalId, first)));
        assertThat(watch).as("answered with half of the entry applied").isNotDone();
        applyInEntry(index, 1, planResults(plan(evalId, second)));
        store.publish(index);

        WatchAllocsResponse answer = watch.get(5, TimeUnit.SECONDS);
        assertThat(answer.getIndex()).isEqualTo(index);
        assertThat(ids(answer)).containsExactlyInAnyOrder(first.id, second.id);
    }

    @Test
    void aWatchAnsweredWhileAnEntryIsHalfAppliedAsksAgainFromBeforeIt() throws Exception {
        Allocation first = placement(web, n1, evalId, 0, 10);
        applyEntry(planResults(plan(evalId, first)));
        long published = index;
        Allocation second = placement(web, n1, evalId, 1, 10);
        Allocation third = placement(web, n1, evalId, 2, 10);
        applyInEntry(published + 1, 0, planResults(plan(evalId, second)));

        // A watch from before the published entry is answered at once, while the next entry is
        // half applied: neither its index nor any of its commands are in the answer.
        WatchAllocsResponse early = watch(published - 1).get(5, TimeUnit.SECONDS);
        assertThat(early.getIndex()).isEqualTo(published);
        assertThat(ids(early)).contains(first.id).doesNotContain(second.id);

        applyInEntry(index, 1, planResults(plan(evalId, third)));
        store.publish(index);
        WatchAllocsResponse next = watch(early.getIndex()).get(5, TimeUnit.SECONDS);
        assertThat(next.getIndex()).isEqualTo(index);
        assertThat(ids(next)).as("what the node has not heard of").contains(second.id, third.id);
    }

    private CompletableFuture<WatchAllocsResponse> watch(long minIndex) {
        CompletableFuture<WatchAllocsResponse> answer = new CompletableFuture<>();
        service.watchAllocs(WatchAllocsRequest.newBuilder().addNodeIds(n1.id).setMinIndex(minIndex)
                .setWaitMillis(60_000).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(WatchAllocsResponse value) {
                        answer.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        return answer;
    }

    private static List<String> ids(WatchAllocsResponse r) {
        return r.getAllocJsonList().stream().map(j -> NomadJson.read(j.toByteArray(), Allocation.class).id).toList();
    }

    /** A whole entry of one command, as the state machine applies it. */
    private WriteResult applyEntry(RaftCommand cmd) {
        index++;
        WriteResult r = applyInEntry(index, 0, cmd);
        store.publish(index);
        return r;
    }

    private WriteResult applyInEntry(long entry, int sub, RaftCommand cmd) {
        index = entry;
        WriteResult r = store.applyUnpublished(1, entry, sub, cmd.getLeaderTimeUnixNanos(), cmd.getRequestId(),
                txn -> applier.apply(txn, cmd), StateChangeListener.NONE);
        assertThat(r.getCode()).as(r.toString()).isEqualTo(WriteResult.Code.OK);
        return r;
    }
}

package io.drover.server.rpc;

import com.google.protobuf.ByteString;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.AllocUpdateRequest;
import io.drover.proto.rpc.NodeHeartbeatRequest;
import io.drover.proto.rpc.NodeRegisterRequest;
import io.drover.proto.rpc.NodeRpcGrpc;
import io.drover.proto.rpc.WatchAllocsRequest;
import io.drover.proto.rpc.WatchAllocsResponse;
import io.drover.proto.rpc.WriteRequest;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import io.drover.state.Table;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What node agents call, on every server: writes go to the leader (forwarded if this server
 * does not lead); allocation watches are served from this server's own state, parked until the
 * allocations table moves past the node's index, so no thread waits per node.
 */
final class NodeRpcService extends NodeRpcGrpc.NodeRpcImplBase {
    private static final long MAX_WAIT_MILLIS = 5 * 60_000L;

    private final Function<WriteRequest, CompletableFuture<WriteResult>> writes;
    private final StateStore state;
    private final ScheduledExecutorService timers;
    private final Executor readers;

    NodeRpcService(Function<WriteRequest, CompletableFuture<WriteResult>> writes, StateStore state,
            ScheduledExecutorService timers, Executor readers) {
        this.writes = writes;
        this.state = state;
        this.timers = timers;
        this.readers = readers;
    }

    @Override
    public void register(NodeRegisterRequest request, StreamObserver<WriteResult> response) {
        relay(writes.apply(WriteRequest.newBuilder().setNodeRegister(request).build()), response);
    }

    @Override
    public void heartbeat(NodeHeartbeatRequest request, StreamObserver<WriteResult> response) {
        relay(writes.apply(WriteRequest.newBuilder().setNodeHeartbeat(request).build()), response);
    }

    @Override
    public void updateAllocs(AllocUpdateRequest request, StreamObserver<WriteResult> response) {
        relay(writes.apply(WriteRequest.newBuilder().setAllocUpdate(request).build()), response);
    }

    @Override
    public void watchAllocs(WatchAllocsRequest request, StreamObserver<WatchAllocsResponse> response) {
        long wait = request.getWaitMillis() <= 0 ? MAX_WAIT_MILLIS : Math.min(request.getWaitMillis(), MAX_WAIT_MILLIS);
        CompletableFuture<Void> changed = state.awaitIndexAbove(EnumSet.of(Table.ALLOCS), request.getMinIndex());
        var timeout = timers.schedule(() -> changed.complete(null), wait, TimeUnit.MILLISECONDS);
        if (response instanceof ServerCallStreamObserver<WatchAllocsResponse> call) {
            call.setOnCancelHandler(() -> {
                changed.cancel(false);
                timeout.cancel(false);
            });
        }
        changed.whenCompleteAsync((v, e) -> {
            timeout.cancel(false);
            if (changed.isCancelled()) {
                return;
            }
            try {
                response.onNext(changedSince(request));
                response.onCompleted();
            } catch (RuntimeException ex) {
                response.onError(Status.INTERNAL.withDescription(ex.toString()).asRuntimeException());
            }
        }, readers);
    }

    /**
     * The node's allocations changed after its index, and the index to ask from next: the
     * published one, taken before the reader, so every entry up to it is in what is sent. The
     * reader (whole entries only) may hold newer ones; what it holds beyond the published index
     * is sent again with the next answer, which the node takes as no change.
     */
    private WatchAllocsResponse changedSince(WatchAllocsRequest request) {
        long published = state.publishedIndex(Table.ALLOCS);
        try (StateReader reader = state.reader()) {
            WatchAllocsResponse.Builder b = WatchAllocsResponse.newBuilder()
                    .setIndex(Math.max(published, 1));
            for (String nodeId : request.getNodeIdsList()) {
                // Only what changed is read: a node's terminal allocations stay until collected.
                for (Allocation a : reader.allocationsOfNodeModifiedAfter(nodeId, request.getMinIndex())) {
                    b.addAllocJson(ByteString.copyFrom(NomadJson.write(a)));
                }
            }
            return b.build();
        }
    }

    private static void relay(CompletableFuture<WriteResult> future, StreamObserver<WriteResult> response) {
        future.whenComplete((value, error) -> {
            if (error != null) {
                response.onError(Status.INTERNAL.withDescription(error.toString()).asRuntimeException());
            } else {
                response.onNext(value);
                response.onCompleted();
            }
        });
    }
}

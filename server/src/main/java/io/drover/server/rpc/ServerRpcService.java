package io.drover.server.rpc;

import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.ForwardedRead;
import io.drover.proto.rpc.ForwardedResponse;
import io.drover.proto.rpc.ServerRpcGrpc;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.leader.LeaderEndpoint;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The gRPC face other servers talk to. Writes go to the leader endpoint (which answers
 * NOT_LEADER if this server no longer leads); reads are refused with FAILED_PRECONDITION unless
 * this server leads, so the caller looks for the leader again.
 */
final class ServerRpcService extends ServerRpcGrpc.ServerRpcImplBase {
    private final LeaderEndpoint leader;
    private final BooleanSupplier isLeader;
    private final Supplier<LocalReads> reads;

    ServerRpcService(LeaderEndpoint leader, BooleanSupplier isLeader, Supplier<LocalReads> reads) {
        this.leader = leader;
        this.isLeader = isLeader;
        this.reads = reads;
    }

    @Override
    public void write(WriteRequest request, StreamObserver<WriteResult> response) {
        relay(leader.handle(request), response);
    }

    @Override
    public void read(ForwardedRead request, StreamObserver<ForwardedResponse> response) {
        LocalReads local = reads.get();
        if (!isLeader.getAsBoolean() || local == null) {
            response.onError(Status.FAILED_PRECONDITION.withDescription("not the leader").asRuntimeException());
            return;
        }
        relay(local.serve(request), response);
    }

    private static <T> void relay(CompletableFuture<T> future, StreamObserver<T> response) {
        if (response instanceof ServerCallStreamObserver<T> call) {
            // The caller gave up (its client disconnected): let go of what it was waiting for.
            call.setOnCancelHandler(() -> future.cancel(false));
        }
        future.whenComplete((value, error) -> {
            if (future.isCancelled()) {
                return;
            }
            if (error != null) {
                response.onError(Status.INTERNAL.withDescription(error.toString()).asRuntimeException());
            } else {
                response.onNext(value);
                response.onCompleted();
            }
        });
    }
}

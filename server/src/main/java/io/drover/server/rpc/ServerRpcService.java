package io.drover.server.rpc;

import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.ServerRpcGrpc;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.leader.LeaderEndpoint;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/**
 * The gRPC face other servers talk to: writes their clients sent them, for the leader endpoint
 * (which answers NOT_LEADER if this server no longer leads). Reads never come here: a follower
 * answers them itself once it is as new as the leader (a ReadIndex round).
 */
final class ServerRpcService extends ServerRpcGrpc.ServerRpcImplBase {
    private final LeaderEndpoint leader;

    ServerRpcService(LeaderEndpoint leader) {
        this.leader = leader;
    }

    @Override
    public void write(WriteRequest request, StreamObserver<WriteResult> response) {
        relay(leader.handle(request), response);
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

package io.drover.server.rpc;

import io.drover.proto.raft.WriteResults;
import io.drover.proto.rpc.ServerRpcGrpc;
import io.drover.proto.rpc.WriteRequests;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** gRPC channels to other servers, one per address, kept for reuse. */
public final class PeerClients implements AutoCloseable {
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    /** Several writes in one call; cancelling the future cancels the call. */
    public CompletableFuture<WriteResults> writeMany(String address, WriteRequests requests, Duration deadline) {
        CompletableFuture<WriteResults> f = new CompletableFuture<>();
        stub(address, deadline).writeMany(requests, observer(f));
        return f;
    }

    private ServerRpcGrpc.ServerRpcStub stub(String address, Duration deadline) {
        ManagedChannel ch = channels.computeIfAbsent(address, a -> NettyChannelBuilder.forTarget(a)
                .usePlaintext()
                .build());
        return ServerRpcGrpc.newStub(ch).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static <Q, T> ClientResponseObserver<Q, T> observer(CompletableFuture<T> f) {
        return new ClientResponseObserver<>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<Q> call) {
                f.whenComplete((v, e) -> {
                    if (f.isCancelled()) {
                        call.cancel("the caller went away", null);
                    }
                });
            }

            @Override
            public void onNext(T value) {
                f.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                f.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                if (!f.isDone()) {
                    f.completeExceptionally(new IllegalStateException("no answer"));
                }
            }
        };
    }

    @Override
    public void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        channels.clear();
    }
}

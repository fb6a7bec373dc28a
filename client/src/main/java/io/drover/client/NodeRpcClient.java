package io.drover.client;

import com.google.protobuf.ByteString;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.AllocUpdateRequest;
import io.drover.proto.rpc.NodeHeartbeatRequest;
import io.drover.proto.rpc.NodeRegisterRequest;
import io.drover.proto.rpc.NodeRpcGrpc;
import io.drover.proto.rpc.WatchAllocsRequest;
import io.drover.proto.rpc.WatchAllocsResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A node agent's view of the servers' {@code NodeRpc}: one channel per server address, calls
 * sent to the server that answered last. A call that finds its server unreachable
 * ({@code UNAVAILABLE}) or unable to serve writes ({@code NOT_LEADER}, {@code NO_LEADER}) is
 * sent to the next address, each address tried at most once per call; what then still fails
 * is the caller's to retry later, and that retry starts at the server after the one that
 * failed it (a server that times out may be hung rather than down).
 *
 * <p>Answers are delivered on the executor given to the constructor, so a caller that owns its
 * state on one thread can hand that thread's executor here and never lock.
 */
public final class NodeRpcClient implements AutoCloseable {
    /** Writes can wait for a leader election on the server (its hold time is 5 s). */
    static final Duration WRITE_DEADLINE = Duration.ofSeconds(15);
    /** How long past its own wait a watch may take before it is given up. */
    static final Duration WATCH_GRACE = Duration.ofSeconds(15);
    /** A watch answer carries whole allocations with their jobs: far above gRPC's 4 MiB default. */
    private static final int MAX_INBOUND_BYTES = 256 * 1024 * 1024;

    private final List<String> addresses;
    private final List<ManagedChannel> channels;
    private volatile int current;

    /**
     * @param addresses the servers' gRPC addresses, {@code host:port}, at least one
     * @param callbacks where answers (and the failovers they trigger) run
     */
    public NodeRpcClient(List<String> addresses, Executor callbacks) {
        Objects.requireNonNull(callbacks, "callbacks");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one server address is needed");
        }
        this.addresses = List.copyOf(addresses);
        List<ManagedChannel> chs = new ArrayList<>(addresses.size());
        for (String a : this.addresses) {
            chs.add(NettyChannelBuilder.forTarget(a)
                    .usePlaintext()
                    .executor(callbacks)
                    .maxInboundMessageSize(MAX_INBOUND_BYTES)
                    .build());
        }
        this.channels = List.copyOf(chs);
    }

    public List<String> addresses() {
        return addresses;
    }

    /** The address the next call goes to first: the one that answered last. */
    public String currentAddress() {
        return addresses.get(current);
    }

    public CompletableFuture<WriteResult> register(byte[] nodeJson) {
        NodeRegisterRequest req = NodeRegisterRequest.newBuilder().setNodeJson(ByteString.copyFrom(nodeJson)).build();
        return write((stub, obs) -> stub.register(req, obs));
    }

    /** @param status the node's new status, or "" to keep it */
    public CompletableFuture<WriteResult> heartbeat(String nodeId, String status) {
        NodeHeartbeatRequest req = NodeHeartbeatRequest.newBuilder().setNodeId(nodeId).setStatus(status).build();
        return write((stub, obs) -> stub.heartbeat(req, obs));
    }

    public CompletableFuture<WriteResult> updateAllocs(List<byte[]> allocJson) {
        AllocUpdateRequest.Builder b = AllocUpdateRequest.newBuilder();
        for (byte[] a : allocJson) {
            b.addAllocJson(ByteString.copyFrom(a));
        }
        AllocUpdateRequest req = b.build();
        return write((stub, obs) -> stub.updateAllocs(req, obs));
    }

    /** A long poll: answers when allocations of {@code nodeIds} changed after {@code minIndex}, or after {@code wait}. */
    public CompletableFuture<WatchAllocsResponse> watchAllocs(List<String> nodeIds, long minIndex, Duration wait) {
        WatchAllocsRequest req = WatchAllocsRequest.newBuilder()
                .addAllNodeIds(nodeIds)
                .setMinIndex(minIndex)
                .setWaitMillis(wait.toMillis())
                .build();
        Duration deadline = wait.plus(WATCH_GRACE);
        CompletableFuture<WatchAllocsResponse> f = new CompletableFuture<>();
        attempt((stub, obs) -> stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).watchAllocs(req, obs),
                r -> false, current, addresses.size(), f);
        return f;
    }

    private CompletableFuture<WriteResult> write(BiConsumer<NodeRpcGrpc.NodeRpcStub, StreamObserver<WriteResult>> call) {
        CompletableFuture<WriteResult> f = new CompletableFuture<>();
        attempt((stub, obs) -> call.accept(stub.withDeadlineAfter(WRITE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS), obs),
                NodeRpcClient::notServedHere, current, addresses.size(), f);
        return f;
    }

    /** The server cannot serve writes now; another may. */
    static boolean notServedHere(WriteResult r) {
        return r.getCode() == WriteResult.Code.NOT_LEADER || r.getCode() == WriteResult.Code.NO_LEADER;
    }

    private <T> void attempt(BiConsumer<NodeRpcGrpc.NodeRpcStub, StreamObserver<T>> call, Predicate<T> tryNext,
            int server, int attemptsLeft, CompletableFuture<T> result) {
        NodeRpcGrpc.NodeRpcStub stub = NodeRpcGrpc.newStub(channels.get(server));
        call.accept(stub, new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                boolean served = !tryNext.test(value);
                if (!served && attemptsLeft > 1) {
                    next(server, attemptsLeft, call, tryNext, result);
                    return;
                }
                // Stay with a server that served the call; the caller's retry starts at another.
                current = served ? server : (server + 1) % channels.size();
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                if (unreachable(t) && attemptsLeft > 1) {
                    next(server, attemptsLeft, call, tryNext, result);
                    return;
                }
                // A server that timed out or failed the call may be hung: the retry goes elsewhere.
                current = (server + 1) % channels.size();
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                if (!result.isDone()) {
                    result.completeExceptionally(Status.INTERNAL.withDescription("no answer").asRuntimeException());
                }
            }
        });
    }

    private <T> void next(int server, int attemptsLeft, BiConsumer<NodeRpcGrpc.NodeRpcStub, StreamObserver<T>> call,
            Predicate<T> tryNext, CompletableFuture<T> result) {
        int following = (server + 1) % channels.size();
        current = following;
        attempt(call, tryNext, following, attemptsLeft - 1, result);
    }

    private static boolean unreachable(Throwable t) {
        return t instanceof StatusRuntimeException e && e.getStatus().getCode() == Status.Code.UNAVAILABLE;
    }

    @Override
    public void close() {
        for (ManagedChannel ch : channels) {
            ch.shutdownNow();
        }
        for (ManagedChannel ch : channels) {
            try {
                ch.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package io.drover.server.rpc;

import io.drover.server.leader.LeaderEndpoint;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WriteRequest;
import io.drover.state.StateStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** This server's own gRPC endpoint (on a port of its own: Ratis keeps its shaded gRPC to itself). */
public final class RpcServer implements AutoCloseable {
    private final Server server;
    private final ExecutorService executor;
    private final String address;

    public RpcServer(String bindHost, int port, LeaderEndpoint leader,
            Function<WriteRequest, CompletableFuture<WriteResult>> clusterWrites, StateStore state,
            ScheduledExecutorService timers) {
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "rpc-server");
            t.setDaemon(true);
            return t;
        });
        this.address = bindHost + ":" + port;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(bindHost, port))
                .executor(executor)
                .addService(new ServerRpcService(leader))
                .addService(new NodeRpcService(clusterWrites, state, timers, executor))
                .build();
    }

    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for gRPC on " + address + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}

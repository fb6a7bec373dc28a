package io.drover.server;

import io.drover.raft.LeaderListener;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A dev agent's own (simulated) node, started once this server first becomes a ready leader,
 * on {@code executor}, after the leader already answers: building the node and registering it
 * (gRPC channel, classes, Raft writes) would otherwise compete with the election for the two
 * cores and delay the leader. It wraps the agent's {@link LeaderListener}, which it tells every
 * change first. Closing before the node started means it never starts.
 */
final class DevNode<N extends AutoCloseable> implements LeaderListener, AutoCloseable {
    private final LeaderListener services;
    private final Supplier<N> startNode;
    private final Executor executor;
    private boolean requested;
    private boolean closed;
    private volatile N node;

    /** {@code startNode} builds and starts the node, and returns it to be closed with the agent. */
    DevNode(LeaderListener services, Supplier<N> startNode, Executor executor) {
        this.services = Objects.requireNonNull(services);
        this.startNode = Objects.requireNonNull(startNode);
        this.executor = Objects.requireNonNull(executor);
    }

    @Override
    public void onLeaderReady() {
        services.onLeaderReady();
        synchronized (this) {
            if (requested || closed) {
                return;
            }
            requested = true;
        }
        executor.execute(this::start);
    }

    private synchronized void start() {
        if (closed) {
            return;
        }
        node = startNode.get();
    }

    /** The node, once started (for agent-info); empty before, and after a close that came first. */
    Optional<N> node() {
        return Optional.ofNullable(node);
    }

    @Override
    public void onNotLeader() {
        services.onNotLeader();
    }

    @Override
    public void onLeaderChanged(String leaderId) {
        services.onLeaderChanged(leaderId);
    }

    @Override
    public synchronized void close() throws Exception {
        closed = true;
        if (node != null) {
            node.close();
        }
    }
}

package io.drover.client.sim;

import io.drover.client.AllocUpdateBatcher;
import io.drover.client.AllocWatcher;
import io.drover.client.ClientTimers;
import io.drover.client.NodeHeartbeats;
import io.drover.client.NodeRpcClient;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Many simulated Nomad nodes in one process, talking to the servers' {@code NodeRpc}: each
 * node registers and heartbeats (see {@link NodeHeartbeats}), one long poll watches the
 * allocations of all of them ({@link AllocWatcher}), each allocation runs its tasks as the
 * mock driver would ({@link SimAlloc}, {@link SimTask}) and changes are sent to the servers
 * batched across nodes ({@link AllocUpdateBatcher}).
 *
 * <p>Everything runs on one scheduled thread, gRPC answers included, so the simulation holds
 * no locks and no thread per node. The public methods may be called from any other thread;
 * they hop onto that thread and wait for it (they must not be called from it).
 */
public final class NodeSim implements AutoCloseable {
    /** The error a task ended by {@link #failAlloc} exits with. */
    public static final String FAILED_ON_DEMAND = "failed by nodesim on demand";

    private final NodeSimConfig config;
    private final List<Node> nodes;
    private final List<String> nodeIds;
    private final Set<String> ours;
    private final ScheduledThreadPoolExecutor executor;
    private final ClientTimers timers;
    private final NodeRpcClient rpc;
    private final NodeHeartbeats heartbeats;
    private final AllocWatcher watcher;
    private final AllocUpdateBatcher updates;
    private final Map<String, SimAlloc> allocs = new HashMap<>();
    private boolean started;
    private boolean closed;

    public NodeSim(NodeSimConfig config) {
        this(config, Clock.systemUTC());
    }

    public NodeSim(NodeSimConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "nodesim");
            t.setDaemon(true);
            return t;
        });
        // Heartbeat timers are cancelled often; do not let the cancelled ones pile up in the queue.
        executor.setRemoveOnCancelPolicy(true);
        this.timers = ClientTimers.of(clock, executor);
        this.nodes = SimulatedNodes.build(config, clock.instant());
        this.nodeIds = nodes.stream().map(n -> n.id).toList();
        this.ours = Set.copyOf(nodeIds);
        // Jitter gets its own stream, so node IDs stay the same whatever the timing did.
        Random jitter = new Random(config.seed() * 31 + 7);
        this.rpc = new NodeRpcClient(config.servers(), executor);
        this.heartbeats = new NodeHeartbeats(rpc, timers, jitter);
        this.updates = new AllocUpdateBatcher(rpc);
        this.watcher = new AllocWatcher(rpc, nodeIds, config.watchWait(), timers, jitter, this::onAllocs);
    }

    /** Registers the nodes and starts heartbeats, the allocation watch and the update ticks. */
    public void start() {
        onSimThread(() -> {
            if (started || closed) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
            started = true;
            heartbeats.start(nodes);
            watcher.start();
            long tick = config.updateInterval().toNanos();
            executor.scheduleAtFixedRate(updates::tick, tick, tick, TimeUnit.NANOSECONDS);
            return null;
        });
    }

    /** The simulated nodes' IDs, {@code sim-0} first. */
    public List<String> nodeIds() {
        return nodeIds;
    }

    /** The nodes as they were registered (copies). */
    public List<Node> nodes() {
        return nodes.stream().map(Node::copy).toList();
    }

    /** IDs of the allocations running now (client status running). */
    public Set<String> runningAllocs() {
        return onSimThread(() -> {
            Set<String> running = new HashSet<>();
            for (SimAlloc a : allocs.values()) {
                if (Allocation.CLIENT_RUNNING.equals(a.clientStatus())) {
                    running.add(a.id());
                }
            }
            return running;
        });
    }

    public NodeSimStatus status() {
        return onSimThread(() -> {
            int pending = 0;
            int running = 0;
            int complete = 0;
            int failed = 0;
            for (SimAlloc a : allocs.values()) {
                switch (a.clientStatus()) {
                    case Allocation.CLIENT_PENDING -> pending++;
                    case Allocation.CLIENT_RUNNING -> running++;
                    case Allocation.CLIENT_COMPLETE -> complete++;
                    case Allocation.CLIENT_FAILED -> failed++;
                    default -> { }
                }
            }
            return new NodeSimStatus(nodes.size(), heartbeats.registered(), heartbeats.ready(), pending, running,
                    complete, failed, updates.batchesSent());
        });
    }

    /**
     * Ends every running task of the allocation with exit code 1, so it is reported failed.
     * @return whether the allocation was running here
     */
    public boolean failAlloc(String allocId) {
        return endAlloc(allocId, 1, FAILED_ON_DEMAND);
    }

    /**
     * Ends every running task of the allocation with exit code 0, so it is reported complete.
     * @return whether the allocation was running here
     */
    public boolean completeAlloc(String allocId) {
        return endAlloc(allocId, 0, "");
    }

    private boolean endAlloc(String allocId, int exitCode, String errMsg) {
        Objects.requireNonNull(allocId, "allocId");
        return onSimThread(() -> {
            SimAlloc a = allocs.get(allocId);
            if (a == null || a.terminal()) {
                return false;
            }
            a.exitAll(exitCode, errMsg);
            return true;
        });
    }

    /** Allocations of our nodes that changed on the servers. */
    private void onAllocs(List<Allocation> changed) {
        for (Allocation a : changed) {
            if (!ours.contains(a.nodeId)) {
                continue;
            }
            SimAlloc known = allocs.get(a.id);
            if (known != null) {
                known.update(a);
            } else if (!a.terminalStatus()) {
                SimAlloc fresh = new SimAlloc(a, timers, updates::markDirty);
                allocs.put(a.id, fresh);
                fresh.start();
            }
        }
    }

    /** Stops everything without telling the servers: the nodes simply go silent. */
    @Override
    public void close() {
        if (executor.isShutdown()) {
            return;
        }
        try {
            onSimThread(() -> {
                closed = true;
                heartbeats.close();
                watcher.close();
                updates.close();
                for (SimAlloc a : allocs.values()) {
                    a.abandon();
                }
                return null;
            });
        } finally {
            rpc.close();
            executor.shutdownNow();
        }
    }

    private <T> T onSimThread(Callable<T> action) {
        try {
            return executor.submit(action).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the simulator", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

package io.drover.client.agent;

import io.drover.client.AllocUpdateBatcher;
import io.drover.client.AllocWatcher;
import io.drover.client.ClientTimers;
import io.drover.client.NodeHeartbeats;
import io.drover.client.NodeRpcClient;
import io.drover.client.driver.Driver;
import io.drover.client.driver.DriverHealth;
import io.drover.client.driver.ExecDriver;
import io.drover.client.driver.MockDriver;
import io.drover.client.driver.RawExecDriver;
import io.drover.client.fingerprint.HostFingerprint;
import io.drover.client.task.AllocRunner;
import io.drover.client.task.LocalAllocState;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nomad's client for one real node: fingerprints the host, keeps a stable identity in its data
 * dir, registers and heartbeats ({@link NodeHeartbeats}), watches its allocations
 * ({@link AllocWatcher}), runs each through an {@link AllocRunner} with the raw_exec, exec and
 * mock_driver drivers, and reports changes in batches ({@link AllocUpdateBatcher}), the same
 * pieces nodesim uses.
 *
 * <p>All of its state lives on one thread, gRPC answers and process exits included; public
 * methods hop onto it. Every change of an allocation is saved in the data dir
 * ({@link AllocStateStore}); on start, before anything the servers send, the saved allocations
 * are taken up again, their live processes re-attached ({@link AllocRunner#restore}). Closing
 * the agent ends the tasks it runs; {@link #detach()} leaves them running for the next agent on
 * the same data dir, which reads on from their output pipes and learns how they ended from the
 * status their wrappers record, and goes on counting their restarts where this one stopped.
 * Neither tells the servers anything: the node goes silent.
 */
public final class NodeAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);

    private final NodeAgentConfig config;
    private final Node node;
    private final ScheduledThreadPoolExecutor executor;
    private final NodeRpcClient rpc;
    private final NodeHeartbeats heartbeats;
    private final AllocWatcher watcher;
    private final AllocUpdateBatcher updates;
    private final AllocRunner.Context context;
    private final AllocStateStore localState;
    /** Changed only on the agent's thread; concurrent so that {@link #stats()} may count it from any. */
    private final Map<String, AllocRunner> allocs = new ConcurrentHashMap<>();
    private final AllocGarbageCollector gc;
    private boolean started;
    private boolean closed;

    public NodeAgent(NodeAgentConfig config) {
        this(config, Clock.systemUTC(), new SecureRandom());
    }

    public NodeAgent(NodeAgentConfig config, Clock clock, Random random) {
        this.config = Objects.requireNonNull(config, "config");
        try {
            Files.createDirectories(config.dataDir().resolve("alloc"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the allocation directory under " + config.dataDir(), e);
        }
        this.localState = new AllocStateStore(config.dataDir());
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "node-agent");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        ClientTimers timers = ClientTimers.of(clock, executor);
        Map<String, Driver> drivers = new LinkedHashMap<>();
        drivers.put(MockDriver.NAME, new MockDriver(timers));
        drivers.put(RawExecDriver.NAME, new RawExecDriver(timers));
        drivers.put(ExecDriver.NAME, new ExecDriver(timers));
        Map<String, DriverHealth> health = new LinkedHashMap<>();
        drivers.forEach((name, d) -> health.put(name, d.health()));
        this.node = buildNode(config, NodeIdentity.loadOrCreate(config.dataDir()), health, clock);
        this.context = new AllocRunner.Context(node, config.region(), config.dataDir().resolve("alloc"), drivers,
                timers, random);
        this.rpc = new NodeRpcClient(config.servers(), executor);
        this.heartbeats = new NodeHeartbeats(rpc, timers, random);
        this.updates = new AllocUpdateBatcher(rpc);
        this.watcher = new AllocWatcher(rpc, List.of(node.id), config.watchWait(), timers, random, this::onAllocs);
        this.gc = new AllocGarbageCollector(config.gc(), allocs::size, () -> diskUsagePercent(context.allocsRoot()));
    }

    /** How full the disk holding {@code dir} is; 0 when the host will not say. */
    static double diskUsagePercent(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            long total = store.getTotalSpace();
            return total <= 0 ? 0 : 100.0 * (total - store.getUsableSpace()) / total;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Node buildNode(NodeAgentConfig config, NodeIdentity identity, Map<String, DriverHealth> drivers, Clock clock) {
        Node n = new Node();
        n.id = identity.id();
        n.secretId = identity.secretId();
        n.name = config.name();
        n.datacenter = config.datacenter();
        n.nodeClass = config.nodeClass();
        n.httpAddr = config.httpAddr();
        n.meta = new LinkedHashMap<>(config.meta());
        new HostFingerprint().fingerprint(n, config.dataDir(), config.ip(), drivers, clock.instant());
        n.status = Node.STATUS_INIT;
        n.schedulingEligibility = Node.ELIGIBLE;
        n.computeClass();
        return n;
    }

    /** Registers the node and starts heartbeats, the allocation watch and the update ticks. */
    public void start() {
        onAgentThread(() -> {
            if (started || closed) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
            started = true;
            restoreAllocs();
            heartbeats.start(List.of(node));
            watcher.start();
            long tick = config.updateInterval().toNanos();
            executor.scheduleAtFixedRate(updates::tick, tick, tick, TimeUnit.NANOSECONDS);
            long gcEvery = config.gc().interval().toNanos();
            executor.scheduleAtFixedRate(() -> collectGarbage(0), gcEvery, gcEvery, TimeUnit.NANOSECONDS);
            return null;
        });
        LOG.info("node agent started: node {} ({}), servers {}", node.id, node.name, config.servers());
    }

    public String nodeId() {
        return node.id;
    }

    /** The node as it registers (a copy). */
    public Node node() {
        return node.copy();
    }

    /**
     * What Nomad's client reports of itself in agent-info, without waiting for the agent's
     * thread: its node, servers, allocations held and last heartbeat.
     */
    public Stats stats() {
        NodeHeartbeats.Heartbeat last = heartbeats.lastHeartbeat(node.id).orElse(null);
        return new Stats(node.id, config.servers(), allocs.size(), last == null ? null : last.at(),
                last == null ? 0 : last.ttlNanos());
    }

    /**
     * See {@link #stats()}.
     *
     * @param lastHeartbeat when the servers last took a heartbeat, null before the first
     * @param heartbeatTtlNanos the time-to-live they granted with it
     */
    public record Stats(String nodeId, List<String> servers, int allocations, Instant lastHeartbeat,
            long heartbeatTtlNanos) {
    }

    /** Whether the servers took its registration and a heartbeat with status ready. */
    public boolean ready() {
        return onAgentThread(() -> heartbeats.ready() == 1);
    }

    /**
     * Takes up the allocations a previous run of the agent saved, before the servers are asked
     * for any: a task whose process still lives is re-attached, never started twice. An
     * allocation the servers had already stopped is stopped again.
     */
    private void restoreAllocs() {
        for (LocalAllocState saved : localState.loadAll()) {
            Allocation a = saved.alloc;
            if (!node.id.equals(a.nodeId) || allocs.containsKey(a.id)) {
                continue;
            }
            try {
                AllocRunner runner = new AllocRunner(a, context, this::allocChanged);
                allocs.put(a.id, runner);
                runner.restore(saved);
                if (a.serverTerminalStatus()) {
                    runner.update(a);
                }
            } catch (RuntimeException e) {
                LOG.warn("allocation {} could not be restored: {}", a.id, e.toString());
            }
        }
        if (!allocs.isEmpty()) {
            LOG.info("restored {} allocations from {}", allocs.size(), config.dataDir());
        }
    }

    /** Reported to the servers in the next batch, and saved for a restart of the agent. */
    private void allocChanged(AllocRunner runner) {
        updates.markDirty(runner);
        localState.save(runner.localState());
        if (runner.terminal()) {
            gc.finished(runner.id());
        }
    }

    /**
     * Removes finished allocations while the node is over its limits ({@link AllocGcPolicy}),
     * making room for {@code incoming} new ones first.
     */
    private void collectGarbage(int incoming) {
        if (closed) {
            return;
        }
        String id;
        while ((id = gc.next(this::removable, incoming)) != null) {
            AllocRunner runner = allocs.remove(id);
            localState.delete(id);
            if (runner == null) {
                continue;
            }
            runner.destroy();
            try {
                runner.allocDir().destroy();
            } catch (IOException e) {
                LOG.warn("allocation {}: cannot remove its directory {}: {}", id, runner.allocDir().dir(), e.toString());
            }
        }
    }

    /** Finished here, and the servers know it is over: removing it loses nothing they still need. */
    private boolean removable(String allocId) {
        AllocRunner r = allocs.get(allocId);
        return r != null && r.terminal() && r.serverCopyTerminal();
    }

    /**
     * Allocations of this node the servers changed: known ones are updated first, so that
     * finished ones the servers now see as over can make room for the new ones.
     */
    private void onAllocs(List<Allocation> changed) {
        List<Allocation> incoming = new ArrayList<>();
        for (Allocation a : changed) {
            if (!node.id.equals(a.nodeId)) {
                continue;
            }
            AllocRunner known = allocs.get(a.id);
            if (known != null) {
                known.update(a);
                localState.save(known.localState());
            } else if (!a.terminalStatus()) {
                incoming.add(a);
            }
        }
        collectGarbage(incoming.size());
        for (Allocation a : incoming) {
            try {
                AllocRunner runner = new AllocRunner(a, context, this::allocChanged);
                allocs.put(a.id, runner);
                runner.start();
            } catch (RuntimeException e) {
                LOG.warn("allocation {} could not be run: {}", a.id, e.toString());
            }
        }
    }

    /** Ends the tasks and stops talking to the servers. */
    @Override
    public void close() {
        shutdown(true);
    }

    /**
     * Stops talking to the servers but leaves the tasks running, for an agent restart: the next
     * agent on the same data dir re-attaches to them.
     */
    public void detach() {
        shutdown(false);
    }

    private void shutdown(boolean killTasks) {
        if (executor.isShutdown()) {
            return;
        }
        try {
            onAgentThread(() -> {
                closed = true;
                heartbeats.close();
                watcher.close();
                updates.close();
                for (AllocRunner a : allocs.values()) {
                    if (killTasks) {
                        a.destroy();
                    } else {
                        a.detach();
                    }
                }
                return null;
            });
        } finally {
            rpc.close();
            executor.shutdownNow();
        }
    }

    private <T> T onAgentThread(Callable<T> action) {
        try {
            return executor.submit(action).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the node agent", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

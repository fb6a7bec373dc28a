package io.drover.server;

import io.drover.client.agent.NodeAgent;
import io.drover.client.agent.NodeAgentConfig;
import io.drover.http.AgentInfo;
import io.drover.http.HttpGateway;
import io.drover.http.NodeAgentStats;
import io.drover.model.node.Node;
import io.drover.proto.raft.ServerAnnounceCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.NodeHeartbeatRequest;
import io.drover.proto.rpc.ServerAnnounceRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.raft.DroverStateMachine;
import io.drover.scheduler.Schedulers;
import io.drover.scheduler.plan.PlanEvaluator;
import io.drover.server.cluster.ClusterBridge;
import io.drover.server.cluster.LeaderServices;
import io.drover.server.cluster.ServerAnnouncer;
import io.drover.server.config.AgentConfig;
import io.drover.server.config.GatewaySettings;
import io.drover.server.gc.GarbageCollector;
import io.drover.server.leader.LeaderEndpoint;
import io.drover.server.leader.Stamps;
import io.drover.server.nodes.Heartbeats;
import io.drover.server.nodes.NodeDrainer;
import io.drover.server.raft.RaftLiveness;
import io.drover.server.raft.RaftNode;
import io.drover.server.raft.RaftNodeConfig;
import io.drover.server.rpc.PeerClients;
import io.drover.server.rpc.RpcServer;
import io.drover.server.scheduling.DryRunPlanner;
import io.drover.server.scheduling.PeriodicDispatcher;
import io.drover.server.scheduling.SchedulingService;
import io.drover.server.scheduling.Timers;
import io.drover.state.apply.PlanCommands;
import io.drover.state.rocks.RocksStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent: the state store, the Raft peer, the gRPC endpoint, the leader services and
 * the HTTP gateway, wired together and started in an order where each part finds what it
 * needs. Closing it stops them in reverse.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final Duration LIVENESS_PERIOD = Duration.ofMillis(500);

    private final AgentConfig config;
    private final List<AutoCloseable> closeInReverse = new ArrayList<>();
    private final HttpGateway gateway;
    private final RaftNode raft;
    private final RocksStateStore store;
    /** Null when this agent runs no node of its own. */
    private final DevNode<NodeAgent> devNode;
    private boolean closed;

    private Agent(AgentConfig config, Consumer<String> onRaftStopped) {
        this.config = config;
        long started = System.nanoTime();
        // Before anything starts: a taken port is then refused with its name, and nothing is left half open.
        Listener.of(config).forEach(Listener::ensureFree);
        try {
            Path stateDir = config.dataDir().resolve("server/state");
            store = RocksStateStore.open(stateDir);
            closeInReverse.add(store);
            DroverStateMachine stateMachine = new DroverStateMachine(store, stateDir);

            raft = new RaftNode(new RaftNodeConfig(config.bindAddr(), config.rpcPort(), config.raftAddress(),
                    config.peers(),
                    config.dataDir().resolve("server/raft"), config.electionTimeoutMin(), config.electionTimeoutMax(),
                    config.snapshotThreshold()), stateMachine);

            ScheduledExecutorService background = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "agent-background");
                t.setDaemon(true);
                return t;
            });
            closeInReverse.add(background::shutdownNow);

            ExecutorService replies = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "write-replies");
                t.setDaemon(true);
                return t;
            });
            closeInReverse.add(replies::shutdownNow);
            Stamps stamps = new Stamps(Clock.systemUTC(), new SecureRandom());
            LeaderEndpoint leader = new LeaderEndpoint(raft, store, stamps, replies, config.jobMaxCount());
            PeerClients peers = new PeerClients();
            closeInReverse.add(peers);
            ClusterBridge cluster = new ClusterBridge(raft, leader, store, peers, agentInfo(config),
                    this::devNodeStats, background, config.rpcHoldTimeout());
            RpcServer rpc = new RpcServer(config.bindAddr(), config.serfPort(), leader,
                    cluster::write, store, background);
            LeaderServices services = leaderServices(config, store, stateMachine, leader, cluster, stamps);
            devNode = config.dev() && config.devNode()
                    ? new DevNode<>(services, () -> startDevNode(config), background) : null;
            ServerAnnouncer announcer = announcer(config, cluster, background);
            stateMachine.setLeaderListener(LeaderListeners.inOrder(devNode != null ? devNode : services, announcer));
            gateway = new HttpGateway(GatewaySettings.of(config),
                    store, cluster, new DryRunPlanner(stamps::nowNanos, stamps::uuid), Clock.systemUTC(),
                    new SecureRandom());

            // The three listeners are independent; starting them together shortens start-up.
            CompletableFuture<Void> rpcUp = CompletableFuture.runAsync(() -> Listener.grpc(config).start(rpc::start),
                    background);
            CompletableFuture<Void> httpUp = CompletableFuture.runAsync(
                    () -> Listener.http(config).start(gateway::start), background);
            RuntimeException failure = null;
            try {
                Listener.raft(config).start(raft::start);
            } catch (RuntimeException e) {
                failure = e;
            }
            closeInReverse.add(raft);
            // Closed before Raft: a server shutting down announces nothing more.
            closeInReverse.add(announcer);
            // Closed before Raft (the list closes in reverse): stopping Raft ourselves is no failure.
            closeInReverse.add(new RaftLiveness(raft::stopped, background, LIVENESS_PERIOD, onRaftStopped));
            failure = started(rpcUp, rpc, failure);
            failure = started(httpUp, gateway, failure);
            if (devNode != null) {
                // Last, so it is closed first, while the server it talks to still runs.
                closeInReverse.add(devNode);
            }
            if (failure != null) {
                throw failure;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("agent {} started in {} ms: HTTP on {}:{}, Raft on {}, data in {}", config.name(),
                (System.nanoTime() - started) / 1_000_000, config.bindAddr(), gateway.port(), config.raftAddress(),
                config.dataDir());
    }

    /**
     * Waits for a part to finish starting and registers it to be closed; returns the first
     * failure so far (with later ones suppressed into it).
     */
    private RuntimeException started(CompletableFuture<Void> up, AutoCloseable part, RuntimeException failure) {
        closeInReverse.add(part);
        try {
            up.join();
            return failure;
        } catch (java.util.concurrent.CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            if (failure == null) {
                return cause;
            }
            failure.addSuppressed(cause);
            return failure;
        }
    }

    /**
     * A dev agent is one server plus one node, as Nomad's: a real node agent in this process
     * that registers with this server's own gRPC port, keeps its identity and allocations under
     * the dev data dir, and runs raw_exec tasks as child processes (mock_driver tasks as their
     * config says). {@link DevNode} starts it once this server leads.
     */
    private static NodeAgent startDevNode(AgentConfig config) {
        NodeAgentConfig node = NodeAgentConfig.of(List.of(config.grpcAddress()), config.dataDir(), config.name(),
                config.datacenter(), config.advertiseHost())
                .withHttpAddr(config.httpAddress())
                .withRegion(config.region())
                .withGc(config.clientGc());
        NodeAgent agent = new NodeAgent(node);
        agent.start();
        return agent;
    }

    /** Agent-info's client section: the dev node's, once it runs. */
    private Optional<NodeAgentStats> devNodeStats() {
        DevNode<NodeAgent> dev = devNode;
        if (dev == null) {
            return Optional.empty();
        }
        return dev.node().map(NodeAgent::stats).map(s -> new NodeAgentStats(s.nodeId(), s.servers(), s.allocations(),
                s.lastHeartbeat() == null ? Duration.ZERO : Duration.between(s.lastHeartbeat(), Instant.now()),
                Duration.ofNanos(s.heartbeatTtlNanos())));
    }

    /**
     * The leader-only services (scheduling, heartbeats, drainer), fed by what the state machine
     * applies; they run on a scheduled thread of their own so a slow write never holds up the
     * agent's other background work.
     */
    private LeaderServices leaderServices(AgentConfig config, RocksStateStore store, DroverStateMachine stateMachine,
            LeaderEndpoint leader, ClusterBridge cluster, Stamps stamps) {
        ScheduledExecutorService leaderThread = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "leader-services");
            t.setDaemon(true);
            return t;
        });
        closeInReverse.add(leaderThread::shutdownNow);
        Timers timers = Timers.of(leaderThread);
        SecureRandom random = new SecureRandom();
        PlanEvaluator planEvaluator = new PlanEvaluator();
        SchedulingService scheduling = new SchedulingService(store, timers, Schedulers::forType,
                planEvaluator::evaluate, PlanCommands::toCommand, leader::submit, stamps::nowNanos, stamps::uuid,
                random, config.numSchedulers());
        closeInReverse.add(scheduling::stop);
        Heartbeats heartbeats = new Heartbeats(config.heartbeats(), timers, random, nodeId -> markDown(leader, nodeId));
        leader.setNodeWriteHook(heartbeats);
        stateMachine.setChangeListener(changes -> {
            scheduling.evaluationsWritten(changes.evals());
            scheduling.capacityChanged(changes.capacityClasses(), changes.index());
        });
        return new LeaderServices(leader, announcement(config, raft), cluster, leaderThread, store, scheduling,
                heartbeats, new NodeDrainer(store, stamps, leader::submit),
                new GarbageCollector(store, config.serverGc(), stamps::nowNanos, leader::submit),
                new PeriodicDispatcher(store, stamps, leader::submit));
    }

    /** A node missed its heartbeat: it is marked down, and its allocations will be replaced. */
    private static void markDown(LeaderEndpoint leader, String nodeId) {
        LOG.info("node {} missed its heartbeat: marking it down", nodeId);
        leader.handle(WriteRequest.newBuilder()
                .setNodeHeartbeat(NodeHeartbeatRequest.newBuilder().setNodeId(nodeId).setStatus(Node.STATUS_DOWN))
                .build()).whenComplete((r, e) -> {
                    if (e != null || r.getCode() != WriteResult.Code.OK) {
                        LOG.warn("marking node {} down failed: {}", nodeId, e != null ? e : r.getError());
                    }
                });
    }

    /** Starts an agent that exits the process if its Raft stops under it ({@link #exitOnRaftStopped}). */
    public static Agent start(AgentConfig config) {
        return new Agent(config, Agent::exitOnRaftStopped);
    }

    /** Starts an agent that tells {@code onRaftStopped} why, once, if its Raft stops under it. */
    public static Agent start(AgentConfig config, Consumer<String> onRaftStopped) {
        return new Agent(config, onRaftStopped);
    }

    /**
     * A server whose Raft stopped is no longer a member of its cluster; answering HTTP as if it
     * were (forwarding to a stale leader, "No cluster leader" forever) would hide that. It says
     * why and exits, so whoever supervises it starts it again, and it rejoins from its data.
     */
    static void exitOnRaftStopped(String reason) {
        LOG.error("Raft stopped ({}); exiting, since a server without Raft cannot serve. Start it again to rejoin "
                + "the cluster from its data dir", reason);
        // Not on the checking thread: exit waits for the shutdown hook, which stops that thread's pool.
        new Thread(() -> System.exit(1), "raft-stopped-exit").start();
    }

    public int httpPort() {
        return gateway.port();
    }

    public AgentConfig config() {
        return config;
    }

    /** Blocking queries parked in this agent's gateway (including ones forwarded to it). */
    public int parkedQueries() {
        return gateway.parkedQueries();
    }

    public boolean isLeader() {
        return raft.isLeaderReady();
    }

    public RocksStateStore store() {
        return store;
    }

    /** This agent's Raft peer, for tests that break it under the agent. */
    RaftNode raft() {
        return raft;
    }

    private static AgentInfo agentInfo(AgentConfig c) {
        return new AgentInfo(c.name(), io.drover.server.raft.RaftPeers.idOf(c.raftAddress()).toString(), c.region(),
                c.datacenter(), c.bindAddr(), c.httpAddress(), c.raftAddress(), c.grpcAddress(),
                c.dataDir().toString(), c.bootstrapExpect(), c.dev(), Version.current());
    }

    /**
     * Announces this server to the leader whenever the state does not hold its current name and
     * addresses, so every server shows its name; retries back off from a quarter second to half
     * a minute, a pace a lost leader cannot turn into a storm of writes.
     */
    private ServerAnnouncer announcer(AgentConfig c, ClusterBridge cluster, ScheduledExecutorService timer) {
        ServerAnnounceCommand self = announcement(c, raft);
        ServerAnnounceRequest request = ServerAnnounceRequest.newBuilder().setServerId(self.getServerId())
                .setName(self.getName()).setRaftAddress(self.getRaftAddress()).setRpcAddress(self.getRpcAddress())
                .setHttpAddress(self.getHttpAddress()).build();
        return new ServerAnnouncer(request, id -> {
            try (var reader = store.reader()) {
                return reader.server(id);
            }
        }, cluster::write, Timers.of(timer), Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    private static ServerAnnounceCommand announcement(AgentConfig c, RaftNode raft) {
        return ServerAnnounceCommand.newBuilder()
                .setServerId(raft.selfId())
                .setName(c.name())
                .setRaftAddress(c.raftAddress())
                .setRpcAddress(c.grpcAddress())
                .setHttpAddress(c.httpAddress())
                .build();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> parts = new ArrayList<>(closeInReverse);
        Collections.reverse(parts);
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        if (config.tempDataDir()) {
            deleteQuietly(config.dataDir());
        }
    }

    /** Removes the temp dir this agent made; never called on a directory the user named. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("could not remove the dev data directory {}: {}", dir, e.toString());
        }
    }
}

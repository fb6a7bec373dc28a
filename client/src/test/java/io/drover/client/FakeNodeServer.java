package io.drover.client;

import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.AllocUpdateRequest;
import io.drover.proto.rpc.NodeHeartbeatRequest;
import io.drover.proto.rpc.NodeRegisterRequest;
import io.drover.proto.rpc.NodeRpcGrpc;
import io.drover.proto.rpc.WatchAllocsRequest;
import io.drover.proto.rpc.WatchAllocsResponse;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the servers' NodeRpc on a loopback port: it keeps nodes and allocations in
 * memory with one index, as the state store would (a client update bumps ModifyIndex but not
 * AllocModifyIndex), parks watches until an allocation of a watched node changes, and records
 * every call for tests to look at.
 */
public final class FakeNodeServer implements AutoCloseable {
    private final Server server;
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-node-server-timeouts");
        t.setDaemon(true);
        return t;
    });

    public volatile long ttlNanos = Duration.ofSeconds(10).toNanos();
    /** What writes are answered with; NOT_LEADER makes this server one a node must move on from. */
    public volatile WriteResult.Code writeAnswer = WriteResult.Code.OK;

    public final Map<String, Node> nodes = new ConcurrentHashMap<>();
    public final Map<String, Integer> registrations = new ConcurrentHashMap<>();
    public final Map<String, List<String>> heartbeats = new ConcurrentHashMap<>();
    public final List<List<Allocation>> updateCalls = new CopyOnWriteArrayList<>();
    /** Each allocation's reported client statuses, in the order they arrived. */
    final Map<String, List<String>> reportedStatuses = new ConcurrentHashMap<>();
    public final Map<String, Allocation> lastReported = new ConcurrentHashMap<>();

    private final Map<String, Allocation> allocs = new LinkedHashMap<>();
    private final List<Watch> parked = new ArrayList<>();
    private long index = 1;

    public FakeNodeServer() {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Service())
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** The servers place {@code placed} (their nodes, jobs and IDs set by the test) in one write. */
    public synchronized void place(Allocation... placed) {
        index++;
        for (Allocation a : placed) {
            a.createIndex = index;
            a.modifyIndex = index;
            a.allocModifyIndex = index;
            if (a.desiredStatus.isEmpty()) {
                a.desiredStatus = Allocation.DESIRED_RUN;
            }
            if (a.clientStatus.isEmpty()) {
                a.clientStatus = Allocation.CLIENT_PENDING;
            }
            allocs.put(a.id, a);
        }
        wake();
    }

    /** The servers want the allocation stopped. */
    public synchronized void stop(String allocId) {
        index++;
        Allocation a = allocs.get(allocId).copy();
        a.desiredStatus = Allocation.DESIRED_STOP;
        a.modifyIndex = index;
        a.allocModifyIndex = index;
        allocs.put(allocId, a);
        wake();
    }

    /** The servers lose the node, so its next heartbeat is answered "node not found". */
    public void forget(String nodeId) {
        nodes.remove(nodeId);
    }

    public List<String> statuses(String allocId) {
        return reportedStatuses.getOrDefault(allocId, List.of());
    }

    private WriteResult result(WriteResult.Code code, String error) {
        return WriteResult.newBuilder().setCode(code).setError(error).setHeartbeatTtlNanos(ttlNanos)
                .setNumNodes(nodes.size()).build();
    }

    private synchronized void applyUpdates(List<Allocation> updates) {
        index++;
        for (Allocation u : updates) {
            Allocation stored = allocs.get(u.id);
            if (stored == null) {
                continue;
            }
            Allocation next = stored.copy();
            next.clientStatus = u.clientStatus;
            next.clientDescription = u.clientDescription;
            next.taskStates = u.taskStates;
            next.deploymentStatus = u.deploymentStatus;
            next.modifyIndex = index;
            allocs.put(u.id, next);
        }
        wake();
    }

    private synchronized void watch(WatchAllocsRequest req, StreamObserver<WatchAllocsResponse> obs) {
        Watch w = new Watch(new HashSet<>(req.getNodeIdsList()), req.getMinIndex(), obs);
        if (w.answerIfChanged()) {
            return;
        }
        parked.add(w);
        timeouts.schedule(() -> {
            synchronized (FakeNodeServer.this) {
                if (parked.remove(w)) {
                    w.answer(List.of());
                }
            }
        }, req.getWaitMillis(), TimeUnit.MILLISECONDS);
    }

    private void wake() {
        Iterator<Watch> it = parked.iterator();
        while (it.hasNext()) {
            if (it.next().answerIfChanged()) {
                it.remove();
            }
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        timeouts.shutdownNow();
        try {
            server.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A parked WatchAllocs call. Only touched under the server's lock. */
    private final class Watch {
        final Set<String> nodeIds;
        final long minIndex;
        final StreamObserver<WatchAllocsResponse> obs;

        Watch(Set<String> nodeIds, long minIndex, StreamObserver<WatchAllocsResponse> obs) {
            this.nodeIds = nodeIds;
            this.minIndex = minIndex;
            this.obs = obs;
        }

        boolean answerIfChanged() {
            List<Allocation> changed = new ArrayList<>();
            for (Allocation a : allocs.values()) {
                if (nodeIds.contains(a.nodeId) && a.modifyIndex > minIndex) {
                    changed.add(a);
                }
            }
            if (changed.isEmpty()) {
                return false;
            }
            answer(changed);
            return true;
        }

        void answer(List<Allocation> changed) {
            WatchAllocsResponse.Builder b = WatchAllocsResponse.newBuilder().setIndex(index);
            for (Allocation a : changed) {
                b.addAllocJson(com.google.protobuf.ByteString.copyFrom(NomadJson.write(a)));
            }
            obs.onNext(b.build());
            obs.onCompleted();
        }
    }

    private final class Service extends NodeRpcGrpc.NodeRpcImplBase {
        @Override
        public void register(NodeRegisterRequest req, StreamObserver<WriteResult> obs) {
            if (writeAnswer == WriteResult.Code.OK) {
                Node n = NomadJson.read(req.getNodeJson().toByteArray(), Node.class);
                nodes.put(n.id, n);
                registrations.merge(n.id, 1, Integer::sum);
            }
            reply(obs, result(writeAnswer, writeAnswer == WriteResult.Code.OK ? "" : "not the leader"));
        }

        @Override
        public void heartbeat(NodeHeartbeatRequest req, StreamObserver<WriteResult> obs) {
            if (writeAnswer != WriteResult.Code.OK) {
                reply(obs, result(writeAnswer, "not the leader"));
                return;
            }
            Node n = nodes.get(req.getNodeId());
            if (n == null) {
                reply(obs, result(WriteResult.Code.NOT_FOUND, "node not found"));
                return;
            }
            if (!req.getStatus().isEmpty()) {
                n.status = req.getStatus();
            }
            heartbeats.computeIfAbsent(req.getNodeId(), k -> new CopyOnWriteArrayList<>()).add(req.getStatus());
            reply(obs, result(WriteResult.Code.OK, ""));
        }

        @Override
        public void updateAllocs(AllocUpdateRequest req, StreamObserver<WriteResult> obs) {
            if (writeAnswer != WriteResult.Code.OK) {
                reply(obs, result(writeAnswer, "not the leader"));
                return;
            }
            List<Allocation> updates = new ArrayList<>();
            for (var json : req.getAllocJsonList()) {
                updates.add(NomadJson.read(json.toByteArray(), Allocation.class));
            }
            updateCalls.add(updates);
            for (Allocation u : updates) {
                reportedStatuses.computeIfAbsent(u.id, k -> new CopyOnWriteArrayList<>()).add(u.clientStatus);
                lastReported.put(u.id, u);
            }
            applyUpdates(updates);
            reply(obs, result(WriteResult.Code.OK, ""));
        }

        @Override
        public void watchAllocs(WatchAllocsRequest req, StreamObserver<WatchAllocsResponse> obs) {
            watch(req, obs);
        }

        private void reply(StreamObserver<WriteResult> obs, WriteResult r) {
            obs.onNext(r);
            obs.onCompleted();
        }
    }
}

package io.drover.server.nodes;

import io.drover.model.node.Node;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.leader.NodeWriteHook;
import io.drover.server.scheduling.Timers;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The leader's heartbeat timers, one per live node (Nomad's heartbeat.go). A node that does not
 * heartbeat within its TTL plus the grace is reported to {@code onExpired}, which marks it down.
 * Timers exist only while this server leads; a new leader starts them from the state.
 */
public final class Heartbeats implements NodeWriteHook {
    private final HeartbeatConfig config;
    private final Timers timers;
    private final Random random;
    private final Consumer<String> onExpired;
    private final Map<String, Timers.Timer> byNode = new HashMap<>();
    private boolean enabled;

    public Heartbeats(HeartbeatConfig config, Timers timers, Random random, Consumer<String> onExpired) {
        this.config = config;
        this.timers = timers;
        this.random = random;
        this.onExpired = onExpired;
    }

    /** Leadership gained: every node not down gets the failover TTL to heartbeat this server. */
    public synchronized void enable(Collection<Node> nodes) {
        enabled = true;
        for (Node node : nodes) {
            if (!node.terminalStatus()) {
                schedule(node.id, config.failoverHeartbeatTtl());
            }
        }
    }

    /** Leadership lost: no timer may fire any more. */
    public synchronized void disable() {
        enabled = false;
        byNode.values().forEach(Timers.Timer::cancel);
        byNode.clear();
    }

    public synchronized int tracked() {
        return byNode.size();
    }

    /**
     * Resets {@code nodeId}'s timer and returns the TTL the node must heartbeat within: scaled
     * by the node count, plus a random stagger so nodes spread out (Nomad's resetHeartbeatTimer).
     */
    public synchronized Duration reset(String nodeId) {
        Duration ttl = rateScaled(byNode.size());
        ttl = ttl.plusNanos((long) (random.nextDouble() * ttl.toNanos()));
        if (enabled) {
            schedule(nodeId, ttl.plus(config.heartbeatGrace()));
        }
        return ttl;
    }

    public synchronized void clear(String nodeId) {
        Timers.Timer t = byNode.remove(nodeId);
        if (t != null) {
            t.cancel();
        }
    }

    @Override
    public WriteResult completed(WriteRequest request, WriteResult result) {
        if (result.getCode() != WriteResult.Code.OK) {
            return result;
        }
        String nodeId;
        String status;
        if (request.hasNodeRegister()) {
            Node node = io.drover.model.json.NomadJson.read(request.getNodeRegister().getNodeJson().toByteArray(), Node.class);
            nodeId = node.id;
            status = node.status;
        } else if (request.hasNodeHeartbeat()) {
            nodeId = request.getNodeHeartbeat().getNodeId();
            status = request.getNodeHeartbeat().getStatus();
        } else {
            return result;
        }
        WriteResult.Builder b = result.toBuilder();
        if (Node.STATUS_DOWN.equals(status)) {
            clear(nodeId);
        } else {
            b.setHeartbeatTtlNanos(reset(nodeId).toNanos());
        }
        return b.setNumNodes(Math.max(1, tracked())).build();
    }

    private void schedule(String nodeId, Duration after) {
        Timers.Timer previous = byNode.get(nodeId);
        if (previous != null) {
            previous.cancel();
        }
        Timers.Timer[] self = new Timers.Timer[1];
        self[0] = timers.schedule(after, () -> expire(nodeId, self[0]));
        byNode.put(nodeId, self[0]);
    }

    private void expire(String nodeId, Timers.Timer timer) {
        synchronized (this) {
            // A reset that raced with this firing replaced the timer: the node is alive.
            if (!enabled || byNode.get(nodeId) != timer) {
                return;
            }
            byNode.remove(nodeId);
        }
        onExpired.accept(nodeId);
    }

    /** Nomad's RateScaledInterval: n nodes at most {@code maxHeartbeatsPerSecond}, never below the minimum. */
    Duration rateScaled(int nodes) {
        if (config.maxHeartbeatsPerSecond() <= 0) {
            return config.minHeartbeatTtl();
        }
        Duration interval = Duration.ofNanos((long) (1e9 * nodes / config.maxHeartbeatsPerSecond()));
        return interval.compareTo(config.minHeartbeatTtl()) < 0 ? config.minHeartbeatTtl() : interval;
    }
}

package io.drover.client;

import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.proto.raft.WriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this process's nodes (many simulated ones, or the agent's one) registered and alive, as Nomad's client does:
 * register (status initializing), heartbeat with status ready, then heartbeat again within
 * the TTL each answer grants (see {@link HeartbeatPolicy}). A heartbeat the servers answer
 * with "node not found" (they lost or never had the node) registers the node again. Failed
 * calls are retried after a short random delay. Confined to the node's state thread.
 */
public final class NodeHeartbeats {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeats.class);

    private final NodeRpcClient rpc;
    private final ClientTimers timers;
    private final Random random;
    /** Read by {@link #lastHeartbeat} from any thread (agent-info), so safely published. */
    private final List<Beat> nodes = new CopyOnWriteArrayList<>();
    private boolean closed;

    public NodeHeartbeats(NodeRpcClient rpc, ClientTimers timers, Random random) {
        this.rpc = rpc;
        this.timers = timers;
        this.random = random;
    }

    public void start(List<Node> toRegister) {
        List<Beat> beats = new ArrayList<>(toRegister.size());
        for (Node n : toRegister) {
            beats.add(new Beat(n.id, NomadJson.write(n)));
        }
        // One copy of the list for all of them: nodesim registers thousands at once.
        nodes.addAll(beats);
        beats.forEach(this::register);
    }

    public int registered() {
        return (int) nodes.stream().filter(b -> b.registered).count();
    }

    public int ready() {
        return (int) nodes.stream().filter(b -> b.ready).count();
    }

    /** How many heartbeats the servers took, per node in registration order. */
    public List<Long> heartbeatsTaken() {
        return nodes.stream().map(b -> b.heartbeats).toList();
    }

    /**
     * When the servers last took {@code nodeId}'s heartbeat and the TTL they granted with it,
     * empty before the first; may be called from any thread.
     */
    public Optional<Heartbeat> lastHeartbeat(String nodeId) {
        for (Beat b : nodes) {
            if (b.id.equals(nodeId)) {
                return Optional.ofNullable(b.last);
            }
        }
        return Optional.empty();
    }

    public void close() {
        closed = true;
        for (Beat b : nodes) {
            b.cancel();
        }
    }

    private void register(Beat b) {
        if (closed) {
            return;
        }
        rpc.register(b.json).whenComplete((r, e) -> {
            if (e == null && r.getCode() == WriteResult.Code.OK) {
                b.registered = true;
                heartbeat(b);
            } else {
                LOG.debug("node {} not registered, retrying: {}", b.id, e != null ? e.toString() : r.getError());
                b.later(HeartbeatPolicy.retryDelay(random), () -> register(b));
            }
        });
    }

    private void heartbeat(Beat b) {
        if (closed) {
            return;
        }
        rpc.heartbeat(b.id, Node.STATUS_READY).whenComplete((r, e) -> {
            if (e == null && r.getCode() == WriteResult.Code.OK) {
                b.ready = true;
                b.heartbeats++;
                b.last = new Heartbeat(timers.now(), r.getHeartbeatTtlNanos());
                b.later(HeartbeatPolicy.nextDelay(r.getHeartbeatTtlNanos(), random), () -> heartbeat(b));
            } else if (e == null && nodeUnknown(r)) {
                b.registered = false;
                b.ready = false;
                register(b);
            } else {
                LOG.debug("node {} heartbeat failed, retrying: {}", b.id, e != null ? e.toString() : r.getError());
                b.later(HeartbeatPolicy.retryDelay(random), () -> heartbeat(b));
            }
        });
    }

    private static boolean nodeUnknown(WriteResult r) {
        return r.getCode() == WriteResult.Code.NOT_FOUND || r.getError().contains("node not found");
    }

    /** A heartbeat the servers took: when, and the time-to-live they granted. */
    public record Heartbeat(Instant at, long ttlNanos) {
    }

    /** One node's registration and heartbeat state. */
    private final class Beat {
        final String id;
        final byte[] json;
        boolean registered;
        boolean ready;
        long heartbeats;
        volatile Heartbeat last;
        Future<?> timer;

        Beat(String id, byte[] json) {
            this.id = id;
            this.json = json;
        }

        void later(long delayNanos, Runnable action) {
            if (!closed) {
                timer = timers.schedule(delayNanos, action);
            }
        }

        void cancel() {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }
}

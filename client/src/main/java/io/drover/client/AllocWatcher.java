package io.drover.client;

import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.proto.rpc.WatchAllocsResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nomad's client allocation watch, for all nodes of this process in one long poll: asks for the
 * allocations of every node that changed after the last index seen, hands them on, and asks
 * again from the index of the answer. A failed poll is retried after a short random delay
 * (the RPC client has already tried the other servers). Confined to the node's state thread.
 */
public final class AllocWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AllocWatcher.class);

    private final NodeRpcClient rpc;
    private final List<String> nodeIds;
    private final Duration wait;
    private final ClientTimers timers;
    private final Random random;
    private final Consumer<List<Allocation>> onAllocs;
    private long index;
    private boolean closed;
    private Future<?> retry;

    public AllocWatcher(NodeRpcClient rpc, List<String> nodeIds, Duration wait, ClientTimers timers, Random random,
            Consumer<List<Allocation>> onAllocs) {
        this.rpc = rpc;
        this.nodeIds = List.copyOf(nodeIds);
        this.wait = wait;
        this.timers = timers;
        this.random = random;
        this.onAllocs = onAllocs;
    }

    public void start() {
        poll();
    }

    public long index() {
        return index;
    }

    public void close() {
        closed = true;
        if (retry != null) {
            retry.cancel(false);
        }
    }

    private void poll() {
        if (closed) {
            return;
        }
        rpc.watchAllocs(nodeIds, index, wait).whenComplete((r, e) -> {
            if (closed) {
                return;
            }
            if (e != null) {
                LOG.debug("allocation watch failed, retrying: {}", e.toString());
                retry = timers.schedule(HeartbeatPolicy.retryDelay(random), this::poll);
                return;
            }
            try {
                deliver(r);
            } catch (RuntimeException bad) {
                // One undecodable answer must not end the watch.
                LOG.warn("allocation watch answer not usable: {}", bad.toString());
            }
            poll();
        });
    }

    private void deliver(WatchAllocsResponse r) {
        // Indexes only move back when the servers' state was rebuilt; then everything is news.
        index = r.getIndex();
        if (r.getAllocJsonCount() == 0) {
            return;
        }
        List<Allocation> allocs = new ArrayList<>(r.getAllocJsonCount());
        for (var json : r.getAllocJsonList()) {
            allocs.add(NomadJson.read(json.toByteArray(), Allocation.class));
        }
        onAllocs.accept(allocs);
    }
}

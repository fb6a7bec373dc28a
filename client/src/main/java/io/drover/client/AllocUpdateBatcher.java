package io.drover.client;

import io.drover.model.json.NomadJson;
import io.drover.proto.raft.WriteResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nomad's client alloc sync, across all nodes of this process: allocations that changed are marked
 * dirty, and each {@link #tick} sends the current state of every dirty one in one
 * {@code UpdateAllocs} (at most {@link #MAX_BATCH}), so an allocation that changed twice
 * between ticks is sent once, as it is now. One batch is in flight at a time; a batch the
 * servers could not take (unreachable, no leader) is marked dirty again and goes with the next tick. Confined to the
 * node's state thread (the RPC client answers there too).
 */
public final class AllocUpdateBatcher {
    /** Keeps one request well under gRPC's default 4 MiB message limit. */
    static final int MAX_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AllocUpdateBatcher.class);

    private final NodeRpcClient rpc;
    private final Map<String, ClientAlloc> dirty = new LinkedHashMap<>();
    private boolean inFlight;
    private long batchesSent;
    private boolean closed;

    public AllocUpdateBatcher(NodeRpcClient rpc) {
        this.rpc = rpc;
    }

    public void markDirty(ClientAlloc alloc) {
        dirty.put(alloc.id(), alloc);
    }

    public int pending() {
        return dirty.size();
    }

    public long batchesSent() {
        return batchesSent;
    }

    public void tick() {
        if (closed || inFlight || dirty.isEmpty()) {
            return;
        }
        List<ClientAlloc> batch = new ArrayList<>(Math.min(dirty.size(), MAX_BATCH));
        List<byte[]> json = new ArrayList<>(batch.size());
        Iterator<ClientAlloc> it = dirty.values().iterator();
        while (it.hasNext() && batch.size() < MAX_BATCH) {
            ClientAlloc a = it.next();
            it.remove();
            batch.add(a);
            json.add(NomadJson.write(a.clientUpdate()));
        }
        inFlight = true;
        batchesSent++;
        rpc.updateAllocs(json).whenComplete((result, error) -> {
            inFlight = false;
            if (error != null || retryable(result)) {
                LOG.debug("allocation updates not taken, resending: {}", error != null ? error.toString() : result.getError());
                for (ClientAlloc a : batch) {
                    dirty.putIfAbsent(a.id(), a);
                }
            } else if (result.getCode() != WriteResult.Code.OK) {
                // Resending what the servers refused would only be refused again.
                LOG.warn("allocation updates refused ({}): {}", result.getCode(), result.getError());
            }
        });
    }

    private static boolean retryable(WriteResult r) {
        return NodeRpcClient.notServedHere(r) || r.getCode() == WriteResult.Code.INTERNAL;
    }

    public void close() {
        closed = true;
    }
}

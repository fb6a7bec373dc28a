package io.drover.server.leader;

import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WriteRequest;

/**
 * Completes a node write's answer on the leader: a registered or heartbeating node gets its
 * heartbeat timer reset and the TTL to beat, which only the leader's timers know.
 */
public interface NodeWriteHook {
    NodeWriteHook NONE = (request, result) -> result;

    WriteResult completed(WriteRequest request, WriteResult result);
}

package io.drover.http.routes;

import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Reply;
import io.drover.proto.rpc.SystemGcRequest;
import io.drover.proto.rpc.WriteRequest;
import java.util.concurrent.CompletableFuture;

/** Nomad's {@code /v1/system/} writes: forcing a garbage collection. */
final class SystemWriteRoutes {
    private final WriteSubmitter writes;

    SystemWriteRoutes(WriteSubmitter writes) {
        this.writes = writes;
    }

    /**
     * {@code PUT /v1/system/gc}: the leader collects everything terminal, thresholds ignored.
     * Nomad queues the collection and answers at once; here the answer waits for the deletion
     * to be applied, so a read after it sees the state collected.
     */
    CompletableFuture<Reply> gc(GatewayRequest request) {
        return writes.submit(request, WriteRequest.newBuilder().setSystemGc(SystemGcRequest.getDefaultInstance()),
                WriteResults::systemGc);
    }
}

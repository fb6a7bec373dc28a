package io.drover.http.routes;

import io.drover.http.Cluster;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.Regions;
import io.drover.http.core.Reply;
import io.drover.proto.rpc.AllocStopRequest;
import io.drover.proto.rpc.WriteRequest;
import java.util.concurrent.CompletableFuture;

/** The allocation writes: stopping one (the leader marks it to migrate and creates the follow-up evaluation). */
final class AllocWriteRoutes {
    private final Cluster cluster;
    private final WriteSubmitter writes;

    AllocWriteRoutes(Cluster cluster, WriteSubmitter writes) {
        this.cluster = cluster;
        this.writes = writes;
    }

    /** {@code POST /v1/allocation/:id/stop}; like Nomad's, it reads no body. */
    CompletableFuture<Reply> stop(GatewayRequest request, String allocId) {
        Regions.check(request.query("region"), cluster.agent().region());
        // Nomad's ErrMissingAllocID.
        PathIds.require(allocId, "Missing allocation ID");
        AllocStopRequest stop = AllocStopRequest.newBuilder().setNamespace(RequestNamespace.of(request))
                .setAllocId(allocId).build();
        return writes.submit(request, WriteRequest.newBuilder().setAllocStop(stop), WriteResults::allocStop);
    }
}

package io.drover.http.routes;

import com.google.protobuf.ByteString;
import io.drover.http.Cluster;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.GoBool;
import io.drover.http.core.HttpError;
import io.drover.http.core.Regions;
import io.drover.http.core.Reply;
import io.drover.model.json.NomadJson;
import io.drover.model.node.DrainStrategy;
import io.drover.model.node.Node;
import io.drover.proto.rpc.NodeDrainRequest;
import io.drover.proto.rpc.NodeEligibilityRequest;
import io.drover.proto.rpc.WriteRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The operator's node writes: scheduling eligibility and draining. Each checks its body as
 * Nomad's agent and RPC endpoint do, with their messages, and hands one write to the cluster;
 * whether the node exists, the drain's start and forced deadline, and the evaluations to create
 * are the leader's to decide.
 */
final class NodeWriteRoutes {
    /** What a drain started through the old {@code ?enable=true} form means: force it now. */
    static final long FORCE_DRAIN_DEADLINE_NANOS = -1_000_000_000L;

    private final Cluster cluster;
    private final WriteSubmitter writes;

    NodeWriteRoutes(Cluster cluster, WriteSubmitter writes) {
        this.cluster = cluster;
        this.writes = writes;
    }

    /**
     * {@code POST /v1/node/:id/eligibility}, body {@code {"Eligibility": "eligible|ineligible"}}.
     * As in Nomad, a NodeID in the body wins over the path's.
     */
    CompletableFuture<Reply> eligibility(GatewayRequest request, String pathNodeId) {
        RequestBodies.NodeEligibility body = RequestBodies.decode(request, RequestBodies.NodeEligibility.class);
        String nodeId = body.nodeId == null || body.nodeId.isEmpty() ? pathNodeId : body.nodeId;
        PathIds.require(nodeId, "missing node ID for setting scheduling eligibility");
        String eligibility = body.eligibility == null ? "" : body.eligibility;
        if (!eligibility.equals(Node.ELIGIBLE) && !eligibility.equals(Node.INELIGIBLE)) {
            throw HttpError.badRequest("invalid scheduling eligibility " + goQuote(eligibility));
        }
        Regions.check(request.query("region"), cluster.agent().region());
        NodeEligibilityRequest update = NodeEligibilityRequest.newBuilder().setNodeId(nodeId)
                .setEligibility(eligibility).build();
        return writes.submit(request, WriteRequest.newBuilder().setNodeEligibility(update),
                WriteResults::nodeEligibility);
    }

    /**
     * {@code POST /v1/node/:id/drain}. The body is Nomad 0.8's {@code {"DrainSpec": {"Deadline":
     * ns, "IgnoreSystemJobs": b}, "MarkEligible": b}}, a null DrainSpec ending the drain; or, as
     * Nomad 0.11 still accepts from 0.7 clients, no body and {@code ?enable=true} (a forced drain)
     * or {@code ?enable=false} (end it and make the node eligible again).
     */
    CompletableFuture<Reply> drain(GatewayRequest request, String nodeId) {
        RequestBodies.NodeDrain body = legacyDrain(request);
        if (body == null) {
            body = RequestBodies.decode(request, RequestBodies.NodeDrain.class);
        }
        PathIds.require(nodeId, "missing node ID for drain update");
        Regions.check(request.query("region"), cluster.agent().region());
        NodeDrainRequest.Builder update = NodeDrainRequest.newBuilder().setNodeId(nodeId)
                .setMarkEligible(body.markEligible);
        if (body.drainSpec != null) {
            update.setDrainStrategyJson(ByteString.copyFrom(NomadJson.write(strategy(body.drainSpec))));
        }
        return writes.submit(request, WriteRequest.newBuilder().setNodeDrain(update), WriteResults::nodeDrain);
    }

    /** The body the old {@code ?enable=} form stands for, or null when the request does not use it. */
    private static RequestBodies.NodeDrain legacyDrain(GatewayRequest request) {
        String enable = request.query("enable");
        if (enable.isEmpty()) {
            return null;
        }
        RequestBodies.NodeDrain body = new RequestBodies.NodeDrain();
        boolean enabled;
        try {
            enabled = GoBool.parse(enable);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("invalid enable value");
        }
        if (enabled) {
            body.drainSpec = new RequestBodies.DrainSpec();
            body.drainSpec.deadline = FORCE_DRAIN_DEADLINE_NANOS;
        } else {
            body.markEligible = true;
        }
        return body;
    }

    /**
     * The strategy as the operator asked for it. A negative deadline forces the drain, zero has
     * none; the leader stamps StartedAt and, for a positive deadline, ForceDeadline from its clock.
     */
    private static DrainStrategy strategy(RequestBodies.DrainSpec spec) {
        DrainStrategy strategy = new DrainStrategy();
        strategy.deadline = spec.deadline;
        strategy.ignoreSystemJobs = spec.ignoreSystemJobs;
        return strategy;
    }

    /** Go's {@code %q} of a string, for the message Nomad gives: quoted, escapes for quotes, backslashes and controls. */
    static String goQuote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}

package io.drover.http.core;

import com.google.protobuf.ByteString;
import io.drover.proto.rpc.ForwardedRead;
import io.drover.proto.rpc.ForwardedResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The shapes of a read forwarded from a follower to the leader and of its answer. The leader
 * answers with the body uncompressed and without transport headers; the follower finishes the
 * reply for its own client (gzip, Date) as if it had answered itself.
 */
public final class Forwarding {
    /** Headers that describe one hop, not the request. */
    private static final Set<String> HOP_HEADERS = Set.of("accept-encoding", "connection", "keep-alive", "host",
            "content-length", "transfer-encoding", "te", "upgrade", "expect");

    private Forwarding() {
    }

    public static ForwardedRead toForwardedRead(GatewayRequest request) {
        ForwardedRead.Builder read = ForwardedRead.newBuilder().setMethod(request.method()).setUri(request.uri());
        request.headers().forEach((name, value) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                read.putHeaders(name, value);
            }
        });
        return read.build();
    }

    public static GatewayRequest toRequest(ForwardedRead read) {
        return GatewayRequest.of(read.getMethod(), read.getUri(), read.getHeadersMap(), new byte[0]);
    }

    public static ForwardedResponse toForwardedResponse(Reply reply) {
        ForwardedResponse.Builder response = ForwardedResponse.newBuilder().setStatus(reply.status())
                .setBody(ByteString.copyFrom(reply.body().bytes()));
        if (reply.contentType() != null) {
            response.putHeaders(Headers.CONTENT_TYPE, reply.contentType());
        }
        for (Map.Entry<String, String> h : reply.headers()) {
            response.putHeaders(h.getKey(), h.getValue());
        }
        return response.build();
    }

    public static Reply toReply(ForwardedResponse response) {
        String contentType = null;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> h : response.getHeadersMap().entrySet()) {
            if (h.getKey().equalsIgnoreCase(Headers.CONTENT_TYPE)) {
                contentType = h.getValue();
            } else if (!HOP_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(Map.entry(h.getKey(), h.getValue()));
            }
        }
        // Keep a stable order on the wire whatever order the map iterates in.
        headers.sort(Map.Entry.comparingByKey());
        return new Reply(response.getStatus(), contentType, Body.of(response.getBody().toByteArray()), headers);
    }
}

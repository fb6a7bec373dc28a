package io.drover.http;

import io.drover.http.core.GatewayRequest;
import io.drover.http.core.ReplyFinisher;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between Netty's messages and the gateway's; the only code that knows both. */
final class NettyMessages {
    private NettyMessages() {
    }

    static GatewayRequest toRequest(FullHttpRequest message) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : message.headers()) {
            headers.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b);
        }
        return GatewayRequest.of(message.method().name(), message.uri(), headers,
                ByteBufUtil.getBytes(message.content()));
    }

    static FullHttpResponse toResponse(ReplyFinisher.Finished reply) {
        // A direct view goes to the socket as it is; a heap body would be copied per response.
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), reply.sharedDirect() != null
                        ? Unpooled.wrappedBuffer(reply.sharedDirect())
                        : Unpooled.wrappedBuffer(reply.body()));
        for (Map.Entry<String, String> h : reply.headers()) {
            response.headers().add(h.getKey(), h.getValue());
        }
        return response;
    }
}

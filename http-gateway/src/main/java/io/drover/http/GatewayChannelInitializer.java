package io.drover.http;

import io.drover.http.core.Reply;
import io.drover.http.core.ReplyFinisher;
import io.drover.http.routes.RequestRouter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;

/**
 * A connection's pipeline: its timeouts, the HTTP/1.1 codec, keep-alive, body aggregation with a
 * limit, our handler. A connection over its client's limit gets none of it: it is refused.
 */
final class GatewayChannelInitializer extends ChannelInitializer<SocketChannel> {
    /**
     * Go's server allows a megabyte of request line and headers; Netty's defaults (4 KiB line,
     * 8 KiB headers) would refuse long prefixes and tokens that Nomad accepts.
     */
    private static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;

    private final RequestRouter router;
    private final ReplyFinisher finisher;
    private final int maxRequestBodyBytes;
    private final ChannelGroup channels;
    private final HttpLimits limits;
    private final ClientConnectionLimit perClient;
    private final BodyBudget bodies;

    GatewayChannelInitializer(RequestRouter router, ReplyFinisher finisher, int maxRequestBodyBytes,
            ChannelGroup channels, HttpLimits limits, ClientConnectionLimit perClient, BodyBudget bodies) {
        this.router = router;
        this.finisher = finisher;
        this.maxRequestBodyBytes = maxRequestBodyBytes;
        this.channels = channels;
        this.limits = limits;
        this.perClient = perClient;
        this.bodies = bodies;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (!perClient.admit(channel)) {
            return;
        }
        channels.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("timeouts", new ConnectionTimeouts(limits.readTimeout(), limits.idleTimeout()));
        pipeline.addLast("codec", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_HEAD_BYTES).setMaxHeaderSize(MAX_REQUEST_HEAD_BYTES)));
        pipeline.addLast("body-admission", new BodyAdmission(bodies, maxRequestBodyBytes));
        pipeline.addLast("keep-alive", new HttpServerKeepAliveHandler());
        pipeline.addLast("aggregator", new BodyLimitAggregator(maxRequestBodyBytes,
                request -> NettyMessages.toResponse(finisher.finish(Reply.text(413, "Request body too large"),
                        request.headers().get(HttpHeaderNames.ACCEPT_ENCODING)))));
        pipeline.addLast("gateway", new GatewayHandler(router, finisher));
    }
}

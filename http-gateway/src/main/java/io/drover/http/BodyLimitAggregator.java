package io.drover.http;

import io.drover.http.core.Headers;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.util.function.Function;

/**
 * Aggregates a request into one message, refusing bodies over the limit with a 413 in the
 * gateway's own error format (Netty's has no body). As Netty's: when the client is already
 * streaming content we cannot skip, the connection closes after the answer.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
    private final Function<HttpRequest, FullHttpResponse> tooLarge;

    /**
     * @param tooLarge builds the finished 413 for a request
     */
    BodyLimitAggregator(int maxContentLength, Function<HttpRequest, FullHttpResponse> tooLarge) {
        super(maxContentLength);
        this.tooLarge = tooLarge;
    }

    /** A client that asked to continue is told 413 in our format too (Netty's has no body). */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof FullHttpResponse refusal
                && refusal.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)
                && start instanceof HttpRequest request) {
            refusal.release();
            return tooLarge.apply(request);
        }
        return response;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest request)) {
            throw new TooLongFrameException("response too large");
        }
        boolean close = oversized instanceof FullHttpMessage
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        FullHttpResponse response = tooLarge.apply(request);
        if (close) {
            response.headers().set(Headers.CONNECTION, "close");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}

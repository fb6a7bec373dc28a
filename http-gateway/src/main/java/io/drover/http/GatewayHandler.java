package io.drover.http;

import io.drover.http.core.Headers;
import io.drover.http.core.ErrorReplies;
import io.drover.http.core.GatewayRequest;
import io.drover.http.core.HttpError;
import io.drover.http.core.Reply;
import io.drover.http.core.ReplyFinisher;
import io.drover.http.core.RequestScope;
import io.drover.http.routes.RequestRouter;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler of a connection: hands each request, Netty-free, to the router and writes
 * the reply when it completes. Requests on a connection are answered in order, one at a time
 * (pipelined ones wait their turn); while one is in flight, closing the connection cancels it, so
 * a parked blocking query is let go at once. Runs on the connection's event loop, and never
 * blocks it: the router works on the query threads.
 */
final class GatewayHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);
    /** Pipelined requests beyond this mean a misbehaving client: close. */
    private static final int MAX_QUEUED = 64;

    private final RequestRouter router;
    private final ReplyFinisher finisher;
    private final ArrayDeque<Call> queued = new ArrayDeque<>();
    private RequestScope inFlight;

    /** A request to answer, or a refusal to send (then close) when its turn comes. */
    private record Call(GatewayRequest request, Reply refusal, String acceptEncoding) {
    }

    GatewayHandler(RequestRouter router, ReplyFinisher finisher) {
        this.router = router;
        this.finisher = finisher;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
        ctx.pipeline().fireUserEventTriggered(ConnectionTimeouts.REQUEST_READ);
        String acceptEncoding = message.headers().get(HttpHeaderNames.ACCEPT_ENCODING);
        Call call;
        if (message.decoderResult().isFailure()) {
            call = new Call(null, Reply.text(400, "Bad Request"), acceptEncoding);
        } else {
            try {
                call = new Call(NettyMessages.toRequest(message), null, acceptEncoding);
            } catch (HttpError e) {
                call = new Call(null, ErrorReplies.from(e), acceptEncoding);
            }
        }
        queued.add(call);
        if (queued.size() > MAX_QUEUED) {
            ctx.close();
            return;
        }
        if (inFlight == null) {
            next(ctx);
        }
    }

    private void next(ChannelHandlerContext ctx) {
        Call call = queued.poll();
        if (call == null) {
            return;
        }
        if (call.refusal() != null) {
            // After a request we could not read, nothing later on the connection can be trusted.
            queued.clear();
            writeAndClose(ctx, call.refusal(), call.acceptEncoding());
            return;
        }
        RequestScope scope = new RequestScope();
        inFlight = scope;
        router.route(call.request(), scope).whenComplete((reply, failure) -> {
            Reply answer = failure == null ? reply : ErrorReplies.from(failure);
            try {
                ctx.executor().execute(() -> answered(ctx, scope, call, answer));
            } catch (RejectedExecutionException e) {
                // The event loop is shutting down with the gateway; the connection is gone.
            }
        });
    }

    private void answered(ChannelHandlerContext ctx, RequestScope scope, Call call, Reply reply) {
        if (inFlight != scope) {
            return;
        }
        inFlight = null;
        ctx.writeAndFlush(response(reply, call.acceptEncoding())).addListener(written -> {
            if (inFlight == null && queued.isEmpty()) {
                // From here the connection is idle until the next request starts to arrive.
                ctx.pipeline().fireUserEventTriggered(ConnectionTimeouts.ANSWERED);
            }
        });
        next(ctx);
    }

    private void writeAndClose(ChannelHandlerContext ctx, Reply reply, String acceptEncoding) {
        FullHttpResponse response = response(reply, acceptEncoding);
        response.headers().set(Headers.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private FullHttpResponse response(Reply reply, String acceptEncoding) {
        return NettyMessages.toResponse(finisher.finish(reply, acceptEncoding));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
        queued.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing HTTP connection {} after an error", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}

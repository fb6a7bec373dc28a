package io.drover.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Charges each request's body to the gateway's {@link BodyBudget} as its head arrives, before the
 * body is buffered, and gives it back when the request's answer is written. When the budget is
 * spent the connection stops being read, and what was already decoded waits here, in order, until
 * the budget has room. Sits right after the codec: it sees request heads as they are decoded and
 * every answer on its way out.
 */
final class BodyAdmission extends ChannelDuplexHandler {
    private final BodyBudget budget;
    private final int maxBodyBytes;
    /** What each admitted request holds, in the order they will be answered. */
    private final ArrayDeque<Long> charges = new ArrayDeque<>();
    /** Messages decoded while waiting for the budget; null when not waiting. */
    private List<Object> held;
    private Runnable pendingGrant;
    private boolean answering;
    private boolean closed;

    BodyAdmission(BodyBudget budget, int maxBodyBytes) {
        this.budget = budget;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (held != null) {
            held.add(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            long bytes = charge(request);
            Runnable grant = () -> ctx.executor().execute(() -> granted(ctx, bytes));
            if (!budget.acquire(bytes, grant)) {
                pendingGrant = grant;
                held = new ArrayList<>();
                held.add(msg);
                ctx.channel().config().setAutoRead(false);
                return;
            }
            charges.add(bytes);
        }
        ctx.fireChannelRead(msg);
    }

    private void granted(ChannelHandlerContext ctx, long bytes) {
        if (closed) {
            // The connection closed while the grant was on its way.
            budget.release(bytes);
            return;
        }
        pendingGrant = null;
        charges.add(bytes);
        List<Object> waited = held;
        held = null;
        ctx.fireChannelRead(waited.get(0));
        for (Object msg : waited.subList(1, waited.size())) {
            channelRead(ctx, msg);
        }
        if (held == null) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /**
     * What a request's body will hold once aggregated: its declared length, or the limit when it
     * is chunked. A body over the limit is refused unread, and holds nothing.
     */
    private long charge(HttpRequest request) {
        if (HttpUtil.isTransferEncodingChunked(request)) {
            return maxBodyBytes;
        }
        long length = HttpUtil.getContentLength(request, 0L);
        return length > maxBodyBytes || length < 0 ? 0 : length;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && response.status().codeClass()
                != io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) {
            answering = true;
        }
        if (answering && msg instanceof LastHttpContent) {
            // The request's body is no longer held once its answer is on its way.
            answering = false;
            Long bytes = charges.poll();
            if (bytes != null) {
                budget.release(bytes);
            }
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed = true;
        long total = 0;
        for (Long bytes : charges) {
            total += bytes;
        }
        charges.clear();
        if (total > 0) {
            budget.release(total);
        }
        if (pendingGrant != null) {
            // Not granted yet: withdrawn. Granted meanwhile: granted() gives it back, seeing closed.
            budget.withdraw(pendingGrant);
            pendingGrant = null;
        }
        if (held != null) {
            held.forEach(ReferenceCountUtil::release);
            held = null;
        }
        super.channelInactive(ctx);
    }
}

package io.drover.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's two timeouts, first in its pipeline where it sees every byte that arrives. The
 * read timeout runs from the first byte of a request to the moment the whole request (head and
 * body) has arrived; the idle timeout runs while the connection has no request at all: after it
 * opens, and after the last answer on it was written. While a request is answered (a blocking
 * query may park for minutes) neither runs. When one expires the connection is closed: Go's
 * server, whose read timeout this is, answers nothing either.
 *
 * <p>The gateway's handler tells it where a request stands with {@link #REQUEST_READ} and
 * {@link #ANSWERED}, fired from the pipeline's head.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTimeouts.class);

    /** A whole request has arrived and is being answered. */
    static final Object REQUEST_READ = new Object() {
        @Override
        public String toString() {
            return "REQUEST_READ";
        }
    };
    /** Every request that arrived has been answered, and nothing is being answered. */
    static final Object ANSWERED = new Object() {
        @Override
        public String toString() {
            return "ANSWERED";
        }
    };

    private final long readNanos;
    private final long idleNanos;
    private ScheduledFuture<?> timer;
    /** Bytes of a request have arrived, but not the whole request. */
    private boolean reading;

    /** @param readTimeout zero for none; @param idleTimeout zero for none */
    ConnectionTimeouts(Duration readTimeout, Duration idleTimeout) {
        this.readNanos = readTimeout.toNanos();
        this.idleNanos = idleTimeout.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(ctx, idleNanos, "idle");
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!reading && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            reading = true;
            arm(ctx, readNanos, "read");
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == REQUEST_READ) {
            reading = false;
            cancel();
        } else if (event == ANSWERED) {
            if (!reading) {
                arm(ctx, idleNanos, "idle");
            }
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void arm(ChannelHandlerContext ctx, long nanos, String which) {
        cancel();
        if (nanos > 0) {
            timer = ctx.executor().schedule(() -> {
                LOG.debug("closing HTTP connection {}: {} timeout", ctx.channel().remoteAddress(), which);
                ctx.close();
            }, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}

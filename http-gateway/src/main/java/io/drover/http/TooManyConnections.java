package io.drover.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a connection over its client's limit with the answer go-connlimit writes for Nomad
 * (1.3.2 and later; Nomad 0.11 closed the connection without a word): a 429 with a plain-text
 * reason, written before anything is read. The request the client may already have sent is read
 * and dropped until the client closes or a second has passed: closing with it unread would reset
 * the connection, and the client could lose the answer.
 */
final class TooManyConnections extends ChannelInboundHandlerAdapter {
    static final String MESSAGE = "Your IP is issuing too many concurrent connections, please rate limit your calls\n";
    private static final byte[] ANSWER = ("HTTP/1.1 429 Too Many Requests\r\n"
            + "Content-Type: text/plain\r\n"
            + "Content-Length: " + MESSAGE.length() + "\r\n"
            + "Connection: close\r\n\r\n" + MESSAGE).getBytes(StandardCharsets.US_ASCII);
    private static final long LINGER_MILLIS = 1000;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(ANSWER)).addListener(written -> {
            if (written.isSuccess() && ctx.channel() instanceof SocketChannel socket) {
                socket.shutdownOutput();
            }
        });
        ctx.executor().schedule(() -> {
            ctx.close();
        }, LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

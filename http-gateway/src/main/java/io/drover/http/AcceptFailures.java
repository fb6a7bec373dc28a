package io.drover.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last on the listening channel, after Netty's acceptor (which stops accepting for a second after
 * a failure): says once a minute, in words an operator can act on, why connections are not being
 * accepted. When the process runs out of file descriptors every new client waits in the kernel's
 * accept queue until a connection closes; Netty's own report was a stack trace every second.
 */
final class AcceptFailures extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AcceptFailures.class);
    private static final long REPORT_EVERY_NANOS = 60_000_000_000L;

    private boolean reported;
    private long lastReport;
    private int failures;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failures++;
        long now = System.nanoTime();
        if (reported && now - lastReport < REPORT_EVERY_NANOS) {
            return;
        }
        LOG.warn("cannot accept HTTP connections ({} failure(s) since the last report): {}; the process may open {}"
                + " files; idle connections are closed after the idle timeout", failures, cause.toString(),
                maxFileDescriptors());
        reported = true;
        lastReport = now;
        failures = 0;
    }

    private static String maxFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            return Long.toString(os.getMaxFileDescriptorCount());
        }
        return "a limited number of";
    }
}

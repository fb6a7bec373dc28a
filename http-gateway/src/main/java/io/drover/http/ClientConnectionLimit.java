package io.drover.http;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nomad's {@code limits.http_max_conns_per_client}: how many connections one client IP may have
 * open at once. A connection over the limit is not read: it is answered 429 and closed, as later
 * Nomads answer it (see {@link TooManyConnections}). One client can then no longer take every file
 * descriptor the process may open, which left other clients' connections waiting in the accept
 * queue.
 */
final class ClientConnectionLimit {
    private final int maxPerClient;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    /** @param maxPerClient 0 for no limit */
    ClientConnectionLimit(int maxPerClient) {
        this.maxPerClient = maxPerClient;
    }

    /**
     * Counts a new connection against its client, until it closes; or, when the client already
     * has its share, sets the connection up to be refused and returns false.
     */
    boolean admit(Channel channel) {
        if (maxPerClient == 0 || !(channel.remoteAddress() instanceof InetSocketAddress remote)) {
            return true;
        }
        InetAddress client = remote.getAddress();
        boolean[] admitted = {false};
        open.compute(client, (address, count) -> {
            int n = count == null ? 0 : count;
            if (n >= maxPerClient) {
                return count;
            }
            admitted[0] = true;
            return n + 1;
        });
        if (!admitted[0]) {
            channel.pipeline().addLast("too-many-connections", new TooManyConnections());
            return false;
        }
        channel.closeFuture().addListener(closed -> open.computeIfPresent(client, (a, n) -> n <= 1 ? null : n - 1));
        return true;
    }

    /** How many connections {@code client} has open now. */
    int openFrom(InetAddress client) {
        return open.getOrDefault(client, 0);
    }
}

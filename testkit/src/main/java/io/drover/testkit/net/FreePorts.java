package io.drover.testkit.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Hands out TCP ports for servers and proxies on 127.0.0.1, below the kernel's ephemeral range
 * (32768-60999 on Linux): a port taken from that range can be grabbed meanwhile as the source
 * port of some outgoing connection, and a server restarted on it then fails to bind. Ports are
 * picked at random in [10000, 32000), so that concurrent test JVMs rarely collide, checked to
 * bind on 127.0.0.1 right now, and never handed out twice by one JVM.
 */
public final class FreePorts {
    public static final int LOW = 10_000;
    public static final int HIGH = 32_000;
    private static final FreePorts JVM = new FreePorts(LOW, HIGH, new Random());

    private final int low;
    private final int high;
    private final Random random;
    private final Set<Integer> handedOut = new HashSet<>();

    FreePorts(int low, int high, Random random) {
        if (low <= 0 || high > 65_536 || low >= high) {
            throw new IllegalArgumentException("bad port range [" + low + ", " + high + ")");
        }
        this.low = low;
        this.high = high;
        this.random = random;
    }

    /** One port no one in this JVM was given before, free on 127.0.0.1 now. */
    public static int take() {
        return JVM.next();
    }

    /** {@code n} distinct such ports. */
    public static int[] take(int n) {
        int[] ports = new int[n];
        for (int i = 0; i < n; i++) {
            ports[i] = JVM.next();
        }
        return ports;
    }

    synchronized int next() {
        int range = high - low;
        // from a random place, so that concurrent test JVMs rarely probe the same ports
        int start = random.nextInt(range);
        for (int i = 0; i < range; i++) {
            int port = low + (start + i) % range;
            if (!handedOut.contains(port) && bindsOnLoopback(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port left in [" + low + ", " + high + "), "
                + handedOut.size() + " handed out");
    }

    private static boolean bindsOnLoopback(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return s.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}

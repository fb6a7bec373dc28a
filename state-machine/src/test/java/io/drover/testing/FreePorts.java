package io.drover.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for tests' listeners, below the ephemeral range. A port the kernel hands out for
 * listening ({@code new ServerSocket(0)}) comes from 32768–60999, the range it also takes
 * outgoing connections' source ports from: a server restarted on such a port can find it taken
 * by a client's connection. These are picked at random in 10000–32000, checked free on
 * 127.0.0.1, and never handed out twice in one JVM.
 */
public final class FreePorts {
    private static final int LOW = 10_000;
    private static final int HIGH = 32_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** {@code n} distinct ports, each free on 127.0.0.1 when checked. */
    public static int[] free(int n) {
        int[] ports = new int[n];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = bindOne();
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // it was only held to keep the port from being picked twice
                }
            }
        }
        return ports;
    }

    private static ServerSocket bindOne() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (!GIVEN.add(port)) {
                continue;
            }
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return s;
            } catch (IOException taken) {
                // someone listens there: try another
            }
        }
        throw new IllegalStateException("no free port found in " + LOW + "-" + HIGH);
    }
}

package io.drover.server.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Random;

/**
 * Free loopback ports below the ephemeral range (32768 and up on Linux), so that no connection
 * this machine opens meanwhile can take one between the moment it is chosen and the moment the
 * agent binds it.
 */
final class LowPorts {
    private static final int FROM = 20_000;
    private static final int TO = 32_000;

    private LowPorts() {
    }

    /** {@code n} consecutive-ish free ports; fails after a bounded number of attempts. */
    static int[] pick(int n) {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = FROM + random.nextInt(TO - FROM - n);
            int[] ports = new int[n];
            boolean free = true;
            for (int i = 0; i < n && free; i++) {
                ports[i] = start + i;
                free = isFree(ports[i]);
            }
            if (free) {
                return ports;
            }
        }
        throw new IllegalStateException("no " + n + " free ports between " + FROM + " and " + TO);
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

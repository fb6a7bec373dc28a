package io.drover.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreDistinctBelowTheEphemeralRangeAndBindable() throws IOException {
        int[] ports = FreePorts.take(200);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(200);
        assertThat(Arrays.stream(ports).boxed()).allSatisfy(p -> assertThat(p).isBetween(FreePorts.LOW, FreePorts.HIGH - 1));
        for (int p : Arrays.copyOf(ports, 20)) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                assertThat(s.getLocalPort()).isEqualTo(p);
            }
        }
    }

    @Test
    void aPortInUseIsSkippedAndARangeRunsOut() throws IOException {
        int base = threeFreePortsInARow();
        try (ServerSocket held = new ServerSocket(base + 1, 1, InetAddress.getLoopbackAddress())) {
            FreePorts ports = new FreePorts(base, base + 3, new Random(1));

            assertThat(new int[] {ports.next(), ports.next()}).containsExactlyInAnyOrder(base, base + 2);
            assertThatThrownBy(ports::next).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no free port left");
        }
    }

    private static int threeFreePortsInARow() {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = FreePorts.LOW + random.nextInt(FreePorts.HIGH - FreePorts.LOW - 3);
            if (binds(base) && binds(base + 1) && binds(base + 2)) {
                return base;
            }
        }
        throw new AssertionError("no three free ports in a row");
    }

    private static boolean binds(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

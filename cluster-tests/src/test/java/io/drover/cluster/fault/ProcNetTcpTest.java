package io.drover.cluster.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Finding a connection's socket in the kernel's TCP tables, and the process that holds it. */
class ProcNetTcpTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void parsesIpv4AndIpv4MappedIpv6Lines() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the sample lines are a little-endian host's");
        String v4 = "   7: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 123456 1 0000000000000000 20 4 30 10 -1";
        String v6 = "  12: 0000000000000000FFFF00000100007F:2710 0000000000000000FFFF00000100007F:9C40 01 00000000:00000000 "
                + "00:00000000 00000000  1000        0 654321 1 0000000000000000 20 4 29 10 -1";
        String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

        assertThat(ProcNetTcp.parse(v4)).contains(new ProcNetTcp.Entry(
                new InetSocketAddress(LOOPBACK, 8080), new InetSocketAddress(LOOPBACK, 54321), 123456));
        assertThat(ProcNetTcp.parse(v6)).contains(new ProcNetTcp.Entry(
                new InetSocketAddress(LOOPBACK, 10000), new InetSocketAddress(LOOPBACK, 40000), 654321));
        assertThat(ProcNetTcp.parse(header)).isEmpty();
        assertThat(ProcNetTcp.parse("")).isEmpty();
    }

    @Test
    void theClientsEndOfAConnectionIsHeldByThisProcessAndNotByAnother() throws Exception {
        ProcNetTcp table = ProcNetTcp.system();
        assumeTrue(table.isAvailable(), "needs Linux's /proc");
        SocketHolders holders = SocketHolders.system();
        Process other = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
                Socket client = new Socket(LOOPBACK, server.getLocalPort());
                Socket accepted = server.accept()) {
            InetSocketAddress clientEnd = new InetSocketAddress(LOOPBACK, client.getLocalPort());
            InetSocketAddress serverEnd = new InetSocketAddress(LOOPBACK, server.getLocalPort());

            OptionalLong clientInode = table.inodeOf(clientEnd, serverEnd);
            OptionalLong acceptedInode = table.inodeOf(serverEnd, clientEnd);

            assertThat(clientInode).isPresent();
            assertThat(acceptedInode).isPresent().isNotEqualTo(clientInode);
            assertThat(holders.holds(ProcessHandle.current().pid(), clientInode.getAsLong())).isTrue();
            assertThat(holders.holds(other.pid(), clientInode.getAsLong())).isFalse();
            assertThat(table.inodeOf(clientEnd, new InetSocketAddress(LOOPBACK, 1))).isEmpty();
        } finally {
            other.destroyForcibly();
            other.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatHasExitedHoldsNothing() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(5, TimeUnit.SECONDS);

        assertThat(SocketHolders.system().holds(gone.pid(), 1)).isFalse();
    }
}

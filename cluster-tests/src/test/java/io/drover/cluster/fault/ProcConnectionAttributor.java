package io.drover.cluster.fault;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Attributes a connection accepted on loopback to the process at its other end, through
 * {@code /proc}: every connection comes from 127.0.0.1, but the client's end is a socket whose
 * inode the kernel's TCP table gives (local port = the accepted socket's remote port, and the
 * other way round), and the process holding that inode is the client. Runs once per accepted
 * connection, on the proxy's connection thread; retries briefly in case the table is read in the
 * middle of an update, then gives up and calls the connection external.
 */
final class ProcConnectionAttributor implements ConnectionAttributor {
    private static final int ATTEMPTS = 20;
    private static final long PAUSE_MILLIS = 5;

    private final ProcNetTcp table;
    private final SocketHolders holders;

    ProcConnectionAttributor(ProcNetTcp table, SocketHolders holders) {
        this.table = table;
        this.holders = holders;
    }

    static ProcConnectionAttributor system() {
        ProcNetTcp table = ProcNetTcp.system();
        if (!table.isAvailable()) {
            throw new IllegalStateException("cannot attribute connections to processes: /proc/net/tcp and "
                    + "/proc/net/tcp6 are not readable (the link proxy needs Linux's /proc)");
        }
        return new ProcConnectionAttributor(table, SocketHolders.system());
    }

    @Override
    public String sourceOf(Socket accepted, Map<String, Long> processes) {
        if (processes.isEmpty()) {
            return ProxyNetwork.EXTERNAL;
        }
        OptionalLong inode = clientInode(accepted);
        if (inode.isEmpty()) {
            return ProxyNetwork.EXTERNAL;
        }
        for (Map.Entry<String, Long> p : processes.entrySet()) {
            if (holders.holds(p.getValue(), inode.getAsLong())) {
                return p.getKey();
            }
        }
        return ProxyNetwork.EXTERNAL;
    }

    /** The inode of the client's end of {@code accepted}, seen from its side: local and remote swapped. */
    private OptionalLong clientInode(Socket accepted) {
        InetSocketAddress client = new InetSocketAddress(accepted.getInetAddress(), accepted.getPort());
        InetSocketAddress proxy = new InetSocketAddress(accepted.getLocalAddress(), accepted.getLocalPort());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OptionalLong inode = table.inodeOf(client, proxy);
            if (inode.isPresent()) {
                return inode;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return OptionalLong.empty();
    }
}

package io.drover.cluster.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One listening port on 127.0.0.1 that forwards every connection to one target port (one port
 * of one server), each connection tagged with the source that opened it.
 *
 * <p>Invariant: no connection from a source that {@code isCut} names is forwarded. A connection
 * is attributed once, when accepted; a cut source's connection is reset right after the accept
 * (the kernel has completed the handshake, so the client sees its connection reset rather than
 * refused). {@link #dropFrom} resets the live ones. A connection is registered before the cut is
 * checked again, so a cut racing with an accept either sees the connection or is seen by it.
 *
 * <p>A target that is down (a server restarting) makes each connection reset at once; the
 * listening port stays, so clients simply retry. At most {@code maxConnections} are open at once
 * (two threads each); more are reset.
 */
final class LinkProxy implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final String target;
    private final ServerSocket listener;
    private final InetSocketAddress targetAddress;
    private final Function<Socket, String> attributor;
    private final Predicate<String> isCut;
    private final Semaphore slots;
    private final Set<ForwardedConnection> live = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private volatile boolean closed;

    /**
     * @param target the server the target port belongs to, for names and reports
     * @param attributor who opened an accepted connection: a server's name or {@link ProxyNetwork#EXTERNAL}
     * @param isCut whether connections from a source to this target are cut now
     */
    LinkProxy(String target, int listenPort, int targetPort, Function<Socket, String> attributor,
            Predicate<String> isCut, int maxConnections) throws IOException {
        this.target = target;
        this.targetAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.attributor = attributor;
        this.isCut = isCut;
        this.slots = new Semaphore(maxConnections);
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 128);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "link-proxy-" + target + ":" + listenPort + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    String target() {
        return target;
    }

    int targetPort() {
        return targetAddress.getPort();
    }

    /** Resets every live connection {@code source} opened. */
    void dropFrom(String source) {
        for (ForwardedConnection c : live) {
            if (c.source().equals(source)) {
                c.abort();
            }
        }
    }

    /** The live connections, as (source, client port). */
    List<ProxyNetwork.Connection> connections() {
        return live.stream().map(c -> new ProxyNetwork.Connection(c.source(), target, c.clientPort())).toList();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                pauseAfterAcceptFailure(); // e.g. out of file descriptors for a moment: keep listening, without spinning
                continue;
            }
            if (!slots.tryAcquire()) {
                ForwardedConnection.reset(client);
                continue;
            }
            try {
                client.setTcpNoDelay(true);
            } catch (IOException e) {
                refuse(client);
                continue;
            }
            try {
                threads.execute(() -> admit(client));
            } catch (RuntimeException e) { // closed meanwhile
                refuse(client);
            }
        }
    }

    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Attributes, checks the cut, connects to the target, forwards; on this thread until the client side ends. */
    private void admit(Socket client) {
        String source;
        try {
            source = attributor.apply(client);
        } catch (RuntimeException e) {
            refuse(client); // cannot tell who it is: safer not to let it through a cut
            return;
        }
        Socket upstream = closed || isCut.test(source) ? null : connectToTarget();
        if (upstream == null) {
            refuse(client);
            return;
        }
        ForwardedConnection c = new ForwardedConnection(source, client, upstream, this::ended);
        live.add(c);
        if (closed || isCut.test(source)) {
            c.abort(); // cut while we connected
            return;
        }
        c.run(threads);
    }

    /** A connection to the target, or null if it is down (the client retries, as against a restarting server). */
    private Socket connectToTarget() {
        Socket upstream = new Socket();
        try {
            upstream.connect(targetAddress, CONNECT_TIMEOUT_MILLIS);
            upstream.setTcpNoDelay(true); // Raft heartbeats are small: no Nagle delay on either leg
            return upstream;
        } catch (IOException e) {
            ForwardedConnection.reset(upstream);
            return null;
        }
    }

    private void refuse(Socket client) {
        ForwardedConnection.reset(client);
        slots.release();
    }

    private void ended(ForwardedConnection c) {
        live.remove(c);
        slots.release();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        live.forEach(ForwardedConnection::abort);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "proxy :" + port() + " -> " + target + " :" + targetAddress.getPort();
    }
}

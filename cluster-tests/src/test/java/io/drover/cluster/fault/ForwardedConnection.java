package io.drover.cluster.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client connection spliced to one connection to the target, a thread per direction copying
 * bytes as they come. An end-of-stream is passed on as a half-close (the other direction keeps
 * flowing until its own end), and the pair is closed once both directions ended; a read or write
 * error on either side, or {@link #abort()}, resets both at once, as a broken network does.
 * {@code onEnd} is told exactly once, when the pair is closed.
 */
final class ForwardedConnection {
    private static final int BUFFER = 64 * 1024;

    private final String source;
    private final Socket client;
    private final Socket target;
    private final Consumer<ForwardedConnection> onEnd;
    private final AtomicInteger directionsOpen = new AtomicInteger(2);
    private final AtomicBoolean ended = new AtomicBoolean();

    ForwardedConnection(String source, Socket client, Socket target, Consumer<ForwardedConnection> onEnd) {
        this.source = source;
        this.client = client;
        this.target = target;
        this.onEnd = onEnd;
    }

    /** Who opened it: a server's name or {@link ProxyNetwork#EXTERNAL}. */
    String source() {
        return source;
    }

    /** The client's port, which tells connections from one source apart. */
    int clientPort() {
        return client.getPort();
    }

    /** Copies client to target on the calling thread, target to client on {@code otherThread}. */
    void run(Executor otherThread) {
        try {
            otherThread.execute(() -> pump(target, client));
        } catch (RejectedExecutionException e) { // the proxy is closing
            abort();
            return;
        }
        pump(client, target);
    }

    /** Resets both sides now: their peers see a connection reset. */
    void abort() {
        reset(client);
        reset(target);
        end();
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            abort();
            return;
        }
        if (directionsOpen.decrementAndGet() == 0) {
            closeQuietly(client);
            closeQuietly(target);
            end();
        }
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.accept(this);
        }
    }

    /** Closes with SO_LINGER 0, which sends a reset instead of an orderly close. */
    static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}

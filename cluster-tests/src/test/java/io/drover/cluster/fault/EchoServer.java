package io.drover.cluster.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a server's port in the proxy tests: echoes every byte back on each connection,
 * on 127.0.0.1 at a given port. {@link #close()} takes it down with all its connections; a new
 * one can then listen on the same port, as a restarted server does.
 */
final class EchoServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptThread;

    EchoServer(int port) throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptThread = new Thread(this::acceptLoop, "echo-" + port);
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                accepted.incrementAndGet();
                connections.add(s);
                Thread t = new Thread(() -> echo(s), "echo-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void echo(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            connections.remove(s);
        }
    }

    /**
     * Down for good once this returns: {@code ServerSocket.close()} returns while a thread is
     * still inside {@code accept()}, and the kernel keeps listening until that thread leaves it,
     * so wait for it before closing the connections, including one accepted meanwhile.
     */
    @Override
    public void close() throws IOException {
        listener.close();
        try {
            acceptThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket s : connections) {
            s.close();
        }
    }
}

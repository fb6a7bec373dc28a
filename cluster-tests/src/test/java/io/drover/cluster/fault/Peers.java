package io.drover.cluster.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections opened from the test JVM on behalf of named servers: the attribution the proxy
 * would get from {@code /proc} is faked by the client's port, so the proxies' cutting and
 * forwarding can be tested in one process. Closes every socket it opened.
 */
final class Peers implements ConnectionAttributor, AutoCloseable {
    /** What became of a line sent on a connection. */
    enum Outcome {
        ECHOED, CLOSED, HUNG
    }

    private static final int READ_TIMEOUT_MILLIS = 3_000;

    private final Map<Integer, String> owners = new ConcurrentHashMap<>();
    private final List<Socket> opened = new ArrayList<>();

    @Override
    public String sourceOf(Socket accepted, Map<String, Long> processes) {
        return owners.getOrDefault(accepted.getPort(), ProxyNetwork.EXTERNAL);
    }

    /** A connection to {@code port} that the proxy will attribute to {@code source}. */
    synchronized Socket connect(String source, int port) throws IOException {
        Socket s = new Socket();
        opened.add(s);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        owners.put(s.getLocalPort(), source);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        return s;
    }

    /**
     * A new connection from {@code source} to {@code port}, and a line sent on it. A refused
     * connection may be reset before the handshake is even seen to complete: that is CLOSED too.
     */
    Outcome roundTripOnNewConnection(String source, int port, String word) {
        Socket s;
        try {
            s = connect(source, port);
        } catch (SocketTimeoutException e) {
            return Outcome.HUNG;
        } catch (IOException e) {
            return Outcome.CLOSED;
        }
        return roundTrip(s, word);
    }

    /** Sends {@code word} and a newline, and reads a line back. */
    static Outcome roundTrip(Socket s, String word) {
        try {
            s.getOutputStream().write((word + "\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            if (b < 0) {
                return Outcome.CLOSED;
            }
            if (!line.toString(StandardCharsets.UTF_8).equals(word)) {
                throw new AssertionError("echoed " + line + " for " + word);
            }
            return Outcome.ECHOED;
        } catch (SocketTimeoutException e) {
            return Outcome.HUNG;
        } catch (IOException e) {
            return Outcome.CLOSED;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        for (Socket s : opened) {
            s.close();
        }
    }
}

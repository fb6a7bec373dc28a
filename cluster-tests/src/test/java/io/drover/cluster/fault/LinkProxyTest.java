package io.drover.cluster.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testkit.await.Await;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Forwarding through one proxy port: bytes intact both ways, half-closes passed on, connections bounded. */
class LinkProxyTest {
    private static final int MB = 1024 * 1024;
    private static final Duration BOUND = Duration.ofSeconds(5);
    private final Peers peers = new Peers();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        peers.close();
    }

    @Test
    void aClientThatHalfClosesStillGetsTheWholeAnswerAndTheServerSeesItsEnd() throws Exception {
        // the server answers only once the client's stream has ended: the CRC of all it read, then it streams 16 MB
        ServerSocket server = listen();
        Thread serverThread = serve(server, s -> {
            long crc = crcUntilEnd(s.getInputStream(), new long[1]);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeLong(crc);
            writeRandom(out, 16 * MB, new Random(2));
            s.close();
        });
        LinkProxy proxy = proxy(server.getLocalPort(), 4);

        long started = System.nanoTime();
        try (Socket client = peers.connect("a", proxy.port())) {
            CRC32 sent = new CRC32();
            byte[] chunk = new byte[MB];
            Random random = new Random(1);
            for (int i = 0; i < 32; i++) {
                random.nextBytes(chunk);
                client.getOutputStream().write(chunk);
                sent.update(chunk);
            }
            client.shutdownOutput();

            DataInputStream in = new DataInputStream(client.getInputStream());
            assertThat(in.readLong()).as("CRC of the 32 MB the server read").isEqualTo(sent.getValue());
            long[] received = new long[1];
            long crc = crcUntilEnd(in, received);
            assertThat(received[0]).isEqualTo(16 * MB);
            assertThat(crc).isEqualTo(crcOfRandom(16 * MB, new Random(2)));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("milliseconds for 48 MB through the proxy").isLessThan(5_000);
        serverThread.join(5_000);
    }

    @Test
    void connectionsBeyondTheBoundAreRefusedUntilOneEnds() throws Exception {
        EchoServer echo = new EchoServer(0);
        closeables.add(echo);
        LinkProxy proxy = proxy(echo.port(), 2);
        Socket first = peers.connect("a", proxy.port());
        Socket second = peers.connect("a", proxy.port());
        assertThat(Peers.roundTrip(first, "1")).isEqualTo(Peers.Outcome.ECHOED);
        assertThat(Peers.roundTrip(second, "2")).isEqualTo(Peers.Outcome.ECHOED);

        assertThat(peers.roundTripOnNewConnection("a", proxy.port(), "3")).isEqualTo(Peers.Outcome.CLOSED);

        first.close();
        Await.until("the proxy holds the connection", BOUND, () -> proxy.connections().size() == 1);
        assertThat(peers.roundTripOnNewConnection("a", proxy.port(), "4")).isEqualTo(Peers.Outcome.ECHOED);
        assertThat(Peers.roundTrip(second, "5")).isEqualTo(Peers.Outcome.ECHOED);
    }

    @Test
    void aConnectionAbortedByTheServerIsResetForTheClient() throws Exception {
        ServerSocket server = listen();
        Thread serverThread = serve(server, s -> {
            s.getInputStream().read();
            ForwardedConnection.reset(s);
        });
        LinkProxy proxy = proxy(server.getLocalPort(), 4);

        try (Socket client = peers.connect("a", proxy.port())) {
            assertThat(Peers.roundTrip(client, "x")).isEqualTo(Peers.Outcome.CLOSED);
        }
        Await.until("the proxy lets go of the connection", BOUND, () -> proxy.connections().isEmpty());
        serverThread.join(5_000);
    }

    // ---- helpers ----

    private LinkProxy proxy(int targetPort, int maxConnections) throws IOException {
        LinkProxy proxy = new LinkProxy("t", 0, targetPort, s -> peers.sourceOf(s, Map.of()), source -> false,
                maxConnections);
        closeables.add(proxy);
        return proxy;
    }

    private ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        closeables.add(server);
        return server;
    }

    private interface Handler {
        void handle(Socket s) throws IOException;
    }

    /** Serves one connection on a thread of its own. */
    private static Thread serve(ServerSocket server, Handler handler) {
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                handler.handle(s);
            } catch (IOException e) {
                // the test sees what the client got
            }
        }, "link-proxy-test-server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long crcUntilEnd(InputStream in, long[] count) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            crc.update(buffer, 0, n);
            count[0] += n;
        }
        return crc.getValue();
    }

    private static void writeRandom(OutputStream out, int bytes, Random random) throws IOException {
        byte[] chunk = new byte[MB];
        for (int i = 0; i < bytes / MB; i++) {
            random.nextBytes(chunk);
            out.write(chunk);
        }
    }

    private static long crcOfRandom(int bytes, Random random) {
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[MB];
        for (int i = 0; i < bytes / MB; i++) {
            random.nextBytes(chunk);
            crc.update(chunk);
        }
        return crc.getValue();
    }
}

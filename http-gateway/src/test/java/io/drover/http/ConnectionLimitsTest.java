package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.FakeCluster;
import io.drover.http.testing.FakeStateStore;
import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.testkit.http.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a connection and a client may hold: Nomad's per-client connection limit, and the read and
 * idle timeouts Drover adds. Before, a request whose body never completed and a connection that
 * never sent anything were held forever, each with a file descriptor; with the process's
 * descriptors used up, new clients waited in the accept queue.
 */
class ConnectionLimitsTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    /** Far longer than any timeout configured here: a read that waits this long means a hang. */
    private static final int HANG_MILLIS = 15_000;

    private final List<Socket> sockets = new ArrayList<>();
    private GatewayHarness h;

    @AfterEach
    void close() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (h != null) {
            h.close();
        }
    }

    private GatewayHarness gateway(HttpLimits limits) {
        h = new GatewayHarness(new FakeStateStore(), new FakeCluster(),
                HttpGatewayConfig.of("127.0.0.1", 0).withLimits(limits));
        return h;
    }

    @Test
    void aConnectionOverItsClientsLimitIsAnswered429AndClosed() throws Exception {
        gateway(HttpLimits.DEFAULTS.withMaxConnsPerClient(3));
        for (int i = 0; i < 3; i++) {
            connect("127.0.0.1");
        }
        awaitOpen("127.0.0.1", 3);

        Socket fourth = connect("127.0.0.1");
        String refused = readToEnd(fourth);
        Socket fifth = connect("127.0.0.1");
        send(fifth, "GET /v1/jobs HTTP/1.1\r\nHost: x\r\n\r\n");
        String refusedAfterItsRequest = readToEnd(fifth);

        String expected = "HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain\r\nContent-Length: 81\r\n"
                + "Connection: close\r\n\r\nYour IP is issuing too many concurrent connections, please rate limit your calls\n";
        assertThat(refused).isEqualTo(expected);
        assertThat(refusedAfterItsRequest).isEqualTo(expected);
        // Another client is not affected, and a closed connection gives its client one back.
        Socket other = connect("127.0.0.2");
        send(other, "GET /v1/jobs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(readToEnd(other)).startsWith("HTTP/1.1 200 OK");
        sockets.get(0).close();
        awaitOpen("127.0.0.1", 2);
        Socket again = connect("127.0.0.1");
        send(again, "GET /v1/jobs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(readToEnd(again)).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void noLimitWhenItIsZero() throws Exception {
        gateway(HttpLimits.DEFAULTS.withMaxConnsPerClient(0));
        for (int i = 0; i < 150; i++) {
            connect("127.0.0.1");
        }

        assertThat(h.get("/v1/jobs").status()).isEqualTo(200);
    }

    @Test
    void aHalfSentRequestIsClosedAfterTheReadTimeout() throws Exception {
        gateway(HttpLimits.DEFAULTS.withReadTimeout(SHORT));
        Socket body = connect("127.0.0.1");
        send(body, "POST /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"Job\":");
        Socket head = connect("127.0.0.1");
        send(head, "GET /v1/jo");

        assertThat(readToEnd(body)).isEmpty();
        assertThat(readToEnd(head)).isEmpty();
        assertThat(h.cluster.writes).isEmpty();
    }

    /** A trickle keeps bytes coming, but the request as a whole must arrive within the timeout. */
    @Test
    void aRequestTrickledInSlowerThanTheReadTimeoutIsClosed() throws Exception {
        gateway(HttpLimits.DEFAULTS.withReadTimeout(SHORT));
        Socket slow = connect("127.0.0.1");
        byte[] request = "GET /v1/jobs HTTP/1.1\r\nHost: x\r\nX-Padding: ".getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readToEnd(slow));

        boolean closedWhileSending = false;
        for (int i = 0; i < 200 && !closedWhileSending; i++) {
            try {
                slow.getOutputStream().write(i < request.length ? request[i] : 'x');
                slow.getOutputStream().flush();
                Thread.sleep(20);
            } catch (IOException closed) {
                closedWhileSending = true;
            }
            closedWhileSending |= answer.isDone();
        }

        assertThat(closedWhileSending).isTrue();
        assertThat(answer.get(HANG_MILLIS, TimeUnit.MILLISECONDS)).isEmpty();
    }

    @Test
    void aRequestThatArrivesWithinTheReadTimeoutIsAnswered() throws Exception {
        gateway(HttpLimits.DEFAULTS.withReadTimeout(Duration.ofSeconds(10)));
        Socket s = connect("127.0.0.1");
        String body = Jobs.registerBody("slow");
        send(s, "POST /v1/jobs HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n");
        Thread.sleep(SHORT.toMillis());
        send(s, body);

        assertThat(readToEnd(s)).startsWith("HTTP/1.1 200 OK");
        assertThat(h.cluster.writes).hasSize(1);
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        gateway(HttpLimits.DEFAULTS.withIdleTimeout(SHORT));
        Socket used = connect("127.0.0.1");
        send(used, "GET /v1/jobs HTTP/1.1\r\nHost: x\r\n\r\n");
        Socket silent = connect("127.0.0.1");

        assertThat(readToEnd(used)).startsWith("HTTP/1.1 200 OK").endsWith("[]");
        assertThat(readToEnd(silent)).isEmpty();
    }

    /** A parked blocking query is a request being answered, not an idle connection. */
    @Test
    void aParkedBlockingQueryOutlivesTheIdleTimeout() throws Exception {
        gateway(HttpLimits.DEFAULTS.withIdleTimeout(SHORT).withReadTimeout(SHORT));
        long index = h.store.upsertJob(Jobs.batch("parked"));

        Answer a = h.get("/v1/jobs?index=" + index + "&wait=" + (SHORT.toMillis() * 4) + "ms");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(index);
    }

    /**
     * A thousand idle connections (a hundred from each of ten loopback addresses, each client at
     * Nomad's default limit) do not stop a request from being answered correctly.
     */
    @Test
    void aRequestIsAnsweredWithAThousandIdleConnectionsOpen() throws Exception {
        gateway(HttpLimits.DEFAULTS);
        h.store.upsertJob(Jobs.batch("listed"));
        for (int client = 2; client < 12; client++) {
            for (int i = 0; i < HttpLimits.DEFAULT_MAX_CONNS_PER_CLIENT; i++) {
                connect("127.0.0." + client);
            }
        }
        for (int client = 2; client < 12; client++) {
            awaitOpen("127.0.0." + client, HttpLimits.DEFAULT_MAX_CONNS_PER_CLIENT);
        }

        Answer a = h.get("/v1/jobs");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get(0).get("ID").asText()).isEqualTo("listed");
        assertThat(h.gateway.port()).isPositive();
    }

    private Socket connect(String from) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress("127.0.0.1", h.gateway.port()), 5_000);
        s.setSoTimeout(HANG_MILLIS);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    /** Everything the server sends until it closes; fails on a hang. */
    private static String readToEnd(Socket s) {
        try {
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed the connection", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitOpen(String client, int count) throws Exception {
        InetAddress address = InetAddress.getByName(client);
        for (int i = 0; i < 500; i++) {
            if (h.gateway.openConnectionsFrom(address) == count) {
                return;
            }
            Thread.sleep(10);
        }
        assertThat(h.gateway.openConnectionsFrom(address)).isEqualTo(count);
    }
}

package io.drover.bench;

import io.drover.testkit.http.NomadClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Parks many {@code GET /v1/jobs?index=N} blocking queries, makes one write, and times how long
 * until every one of them has answered with a new index. The queries are plain sockets on one
 * selector, so the client's own cost does not blur the server's.
 *
 * <p>An agent takes at most {@code limits.http_max_conns_per_client} (100) connections from one
 * client address. Against an agent on loopback, each hundred waiters connect from an address of
 * their own (127.0.0.2, 127.0.0.3, …), as that many clients would; against another host, run the
 * agent with the limit at 0 or above {@code --waiters}.
 */
@Command(name = "blocking", description = "Time for N parked blocking queries to all answer after one write.")
final class BlockingFanOut implements Runnable {
    @Option(names = "--addr", required = true)
    String addr;

    @Option(names = "--waiters", defaultValue = "1000")
    int waiters;

    @Option(names = "--rounds", defaultValue = "3")
    int rounds;

    /** The agent's default {@code http_max_conns_per_client}. */
    private static final int PER_SOURCE_ADDRESS = 100;

    @Override
    public void run() {
        NomadClient api = new NomadClient(addr, addr);
        String host = addr.substring(0, addr.lastIndexOf(':'));
        int port = Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
        try {
            boolean loopback = java.net.InetAddress.getByName(host).isLoopbackAddress();
            for (int round = 1; round <= rounds; round++) {
                long index = api.get("/v1/jobs", Duration.ofSeconds(10)).index();
                byte[] request = ("GET /v1/jobs?index=" + index + "&wait=120s HTTP/1.1\r\nHost: " + addr
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                try (Selector selector = Selector.open()) {
                    List<Waiter> all = new ArrayList<>();
                    for (int i = 0; i < waiters; i++) {
                        SocketChannel ch = SocketChannel.open();
                        if (loopback) {
                            ch.bind(new InetSocketAddress("127.0.0." + (2 + i / PER_SOURCE_ADDRESS), 0));
                        }
                        ch.connect(new InetSocketAddress(host, port));
                        ch.write(ByteBuffer.wrap(request));
                        ch.configureBlocking(false);
                        Waiter w = new Waiter(ch);
                        ch.register(selector, SelectionKey.OP_READ, w);
                        all.add(w);
                    }
                    TimeUnit.SECONDS.sleep(3);
                    selector.selectNow();
                    long early = selector.selectedKeys().size();
                    selector.selectedKeys().clear();
                    long writeStart = System.nanoTime();
                    SleepJob.register(api, "blocking-" + System.nanoTime());
                    long acked = System.nanoTime();
                    int answered = 0;
                    long last = 0;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (answered < waiters && System.nanoTime() < deadline) {
                        selector.select(100);
                        for (SelectionKey k : selector.selectedKeys()) {
                            Waiter w = (Waiter) k.attachment();
                            if (w.read() && w.answeredAt == 0) {
                                w.answeredAt = System.nanoTime();
                                last = Math.max(last, w.answeredAt);
                                answered++;
                                k.cancel();
                            }
                        }
                        selector.selectedKeys().clear();
                    }
                    long newer = all.stream().filter(w -> w.index() > index).count();
                    for (Waiter w : all) {
                        w.channel.close();
                    }
                    System.out.printf("blocking round %d: %d parked (%d answered early), write acknowledged in %.1f ms, "
                            + "%d answered (%d with a newer index) by %.1f ms after the write was sent%n", round,
                            waiters, early, (acked - writeStart) / 1e6, answered, newer, (last - writeStart) / 1e6);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One parked query: answered once its response headers have arrived. */
    private static final class Waiter {
        final SocketChannel channel;
        final StringBuilder head = new StringBuilder();
        long answeredAt;

        Waiter(SocketChannel channel) {
            this.channel = channel;
        }

        boolean read() {
            ByteBuffer buf = ByteBuffer.allocate(8192);
            try {
                int n = channel.read(buf);
                if (n > 0 && head.indexOf("\r\n\r\n") < 0) {
                    head.append(new String(buf.array(), 0, n, StandardCharsets.ISO_8859_1));
                }
                return head.indexOf("\r\n\r\n") >= 0 || n < 0;
            } catch (IOException e) {
                return true;
            }
        }

        long index() {
            String h = head.toString().toLowerCase(java.util.Locale.ROOT);
            int i = h.indexOf("x-nomad-index:");
            if (i < 0) {
                return -1;
            }
            int end = h.indexOf("\r\n", i);
            return Long.parseLong(h.substring(i + 14, end).trim());
        }
    }
}

package io.drover.client.task;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A local http server for artifact tests: serves what was {@link #put}, redirects {@code /moved}
 * to {@code /hello.txt}, holds {@code /held} until closed, answers 404 for anything else; and
 * builds archives in memory.
 */
final class ArtifactServer implements AutoCloseable {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final HttpServer server;
    /** Requests for {@code /held} wait on this; counted down by {@link #close}. */
    final CountDownLatch release = new CountDownLatch(1);
    /** Counted down when a request for {@code /held} arrived. */
    final CountDownLatch heldRequested = new CountDownLatch(1);

    ArtifactServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().equals("/held")) {
                heldRequested.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(503, -1);
            } else if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "/hello.txt");
                exchange.sendResponseHeaders(302, -1);
            } else if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void put(String path, byte[] body) {
        files.put(path, body);
    }

    void put(String path, String body) {
        put(path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A tar.gz of {@code entries} (name → content; a name ending in / is a directory), files mode 0755. */
    static byte[] tarGz(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                if (!e.getKey().endsWith("/")) {
                    byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                    entry.setSize(data.length);
                    entry.setMode(0100755);
                    tar.putArchiveEntry(entry);
                    tar.write(data);
                } else {
                    tar.putArchiveEntry(entry);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip of {@code entries} (name → content), names written as given, even {@code ../}. */
    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}

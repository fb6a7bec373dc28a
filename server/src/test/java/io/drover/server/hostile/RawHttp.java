package io.drover.server.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request over one connection, written byte for byte as generated (a real client would refuse
 * to send most of them), and the answer as it arrives: status, headers, body. A server that
 * neither answers nor closes within the bound is a hang, and fails the exchange.
 */
final class RawHttp {
    /** What the client saw: an answer, or the connection closed without one (status 0). */
    record Answer(int status, Map<String, String> headers, byte[] body, long nanos) {
        boolean closedUnanswered() {
            return status == 0;
        }

        /** The body as text, gunzipped when the server compressed it (clients that accept gzip get it so). */
        String bodyText() {
            byte[] plain = body;
            if ("gzip".equalsIgnoreCase(headers.get("Content-Encoding"))) {
                try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(body))) {
                    plain = in.readAllBytes();
                } catch (IOException e) {
                    return "(not gzip: " + e.getMessage() + ")";
                }
            }
            return new String(plain, StandardCharsets.UTF_8);
        }
    }

    /** The server neither answered nor closed in time. */
    static final class Hang extends AssertionError {
        private static final long serialVersionUID = 1L;

        Hang(String message) {
            super(message);
        }
    }

    private RawHttp() {
    }

    /**
     * @param head whether the request was a HEAD (its answer has no body, whatever its length says)
     * @param boundMillis the longest the whole exchange may take
     */
    static Answer exchange(int port, byte[] request, boolean head, long boundMillis) throws IOException {
        long start = System.nanoTime();
        long deadline = start + boundMillis * 1_000_000L;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) Math.max(1, boundMillis));
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException refusedMidway) {
                // The server may answer and close before it has read everything (413, 429, 400): read on.
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                Answer a = readOne(in, head, start, deadline);
                if (a.status() < 100 || a.status() >= 200) {
                    return a;
                }
                // 100 Continue and the like: the final answer follows.
            }
        } catch (SocketTimeoutException e) {
            throw new Hang("no answer and no close within " + boundMillis + " ms");
        }
    }

    private static Answer readOne(InputStream in, boolean head, long start, long deadline) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = read(in, deadline);
            if (b < 0) {
                if (headBytes.size() == 0) {
                    return new Answer(0, Map.of(), new byte[0], System.nanoTime() - start);
                }
                throw new IOException("connection closed in the middle of an answer's head: " + headBytes);
            }
            headBytes.write(b);
            last4 = (last4 << 8) | b;
            if (headBytes.size() > 1 << 20) {
                throw new IOException("an answer's head over 1 MiB");
            }
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        long length = head || status < 200 || status == 204 || status == 304 ? 0
                : Long.parseLong(headers.getOrDefault("Content-Length", "0").toLowerCase(Locale.ROOT));
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(length, 1 << 20));
        for (long i = 0; i < length; i++) {
            int b = read(in, deadline);
            if (b < 0) {
                throw new IOException("connection closed after " + i + " of " + length + " body bytes");
            }
            body.write(b);
        }
        return new Answer(status, headers, body.toByteArray(), System.nanoTime() - start);
    }

    private static int read(InputStream in, long deadline) throws IOException {
        if (System.nanoTime() > deadline) {
            throw new SocketTimeoutException("past the bound");
        }
        try {
            return in.read();
        } catch (java.net.SocketException reset) {
            // A reset after the server closed with our bytes unread: as a close.
            return -1;
        }
    }
}

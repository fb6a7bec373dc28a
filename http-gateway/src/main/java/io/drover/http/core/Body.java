package io.drover.http.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of a response body, with their gzip encoding computed at most once: a body shared by
 * many replies (a cached query answer woken for many parked requests) is compressed once.
 *
 * <p>A large body sent more than once is also kept once in direct (off-heap) memory, and every
 * later reply sends a view of that copy: the transport would otherwise copy a heap body into
 * direct memory for each reply, and a thousand parked queries woken by one write would ask for a
 * thousand copies at once. The first reply goes from the heap: most answers are sent once, and a
 * direct copy is only freed when the collector gets to the body, which for a cached answer that
 * lived into the old generation may be long after it expired.
 */
public final class Body {
    public static final Body EMPTY = new Body(new byte[0]);
    /** Bodies at least this large are sent from one shared direct copy. */
    public static final int SHARED_DIRECT_MIN_BYTES = 32 * 1024;

    private final byte[] bytes;
    private byte[] gzipped;
    private ByteBuffer direct;
    private ByteBuffer gzippedDirect;
    private boolean plainSent;
    private boolean gzippedSent;

    private Body(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps {@code bytes}, which the caller must not change afterwards. */
    public static Body of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Body(bytes);
    }

    public static Body text(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The raw bytes; callers must not change them. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A read-only view of a direct copy of the body (gzip-encoded if asked), made when the body is
     * sent a second time and kept; null (send the heap bytes) for the first sending and for a
     * body too small to be worth it.
     */
    public synchronized ByteBuffer sharedDirect(boolean gzip) {
        byte[] source = gzip ? gzipped() : bytes;
        if (source.length < SHARED_DIRECT_MIN_BYTES) {
            return null;
        }
        if (gzip) {
            if (!gzippedSent) {
                gzippedSent = true;
                return null;
            }
            if (gzippedDirect == null) {
                gzippedDirect = copyToDirect(source);
            }
            return gzippedDirect.asReadOnlyBuffer();
        }
        if (!plainSent) {
            plainSent = true;
            return null;
        }
        if (direct == null) {
            direct = copyToDirect(source);
        }
        return direct.asReadOnlyBuffer();
    }

    private static ByteBuffer copyToDirect(byte[] source) {
        ByteBuffer b = ByteBuffer.allocateDirect(source.length);
        b.put(source).flip();
        return b;
    }

    /** The body gzip-encoded; computed on first use and kept. */
    public synchronized byte[] gzipped() {
        if (gzipped == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gzipped = out.toByteArray();
        }
        return gzipped;
    }
}

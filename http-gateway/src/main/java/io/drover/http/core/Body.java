package io.drover.http.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of a response body, with their gzip encoding computed at most once: a body shared by
 * many replies (a cached query answer woken for many parked requests) is compressed once.
 */
public final class Body {
    public static final Body EMPTY = new Body(new byte[0]);

    private final byte[] bytes;
    private byte[] gzipped;

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

package io.drover.http.core;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one place that sets the headers every response to an HTTP client carries: Content-Type,
 * Vary, Date, Content-Encoding and Content-Length, after the route's own headers. Bodies are
 * gzip-encoded when the client accepts gzip, as Nomad's compressing handler does.
 */
public final class ReplyFinisher {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Clock clock;

    public ReplyFinisher(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A response ready for the wire.
     *
     * @param body the body's bytes
     * @param sharedDirect the same bytes as a view of a shared direct copy, for large bodies
     *     (send this one when present); else null
     */
    public record Finished(int status, List<Map.Entry<String, String>> headers, byte[] body,
            java.nio.ByteBuffer sharedDirect) {
    }

    /**
     * @param acceptEncoding the request's Accept-Encoding header, or null
     */
    public Finished finish(Reply reply, String acceptEncoding) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(reply.headers().size() + 6);
        if (reply.contentType() != null) {
            headers.add(Map.entry(Headers.CONTENT_TYPE, reply.contentType()));
        }
        headers.add(Map.entry(Headers.VARY, Headers.ACCEPT_ENCODING));
        headers.addAll(reply.headers());
        headers.add(Map.entry(Headers.DATE, HTTP_DATE.format(clock.instant())));
        byte[] body = reply.body().bytes();
        boolean gzip = body.length > 0 && acceptsGzip(acceptEncoding);
        if (gzip) {
            body = reply.body().gzipped();
            headers.add(Map.entry(Headers.CONTENT_ENCODING, "gzip"));
        }
        headers.add(Map.entry(Headers.CONTENT_LENGTH, Integer.toString(body.length)));
        return new Finished(reply.status(), headers, body, reply.body().sharedDirect(gzip));
    }

    /** Whether an Accept-Encoding value admits gzip: listed (or "*") without q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        boolean wildcard = false;
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < fields.length; i++) {
                String param = fields[i].trim().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    refused = isZero(param.substring(2).trim());
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return !refused;
            }
            if (coding.equals("*")) {
                wildcard = !refused;
            }
        }
        return wildcard;
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package io.drover.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request, and what a correct server may do with it.
 *
 * @param family which generator made it, for the statistics and the report
 * @param method the method as sent (any token, or not one)
 * @param target the request-target as sent (path and query, escapes and all)
 * @param headers extra header lines, sent as they are
 * @param body the body, or null for none (a Content-Length is added for a body)
 * @param raw the whole request's bytes when the family writes them itself (then the rest is only
 *     for the report)
 * @param expect what answer is acceptable
 */
record HostileRequest(String family, String method, String target, List<String> headers, byte[] body, byte[] raw,
        Expect expect) {

    /** What a correct server may answer; never a 5xx (but 500 "No cluster leader"), never a hang. */
    enum Expect {
        /** A read, or a computation that changes nothing: any answer. */
        ANY(true, false),
        /** Invalid by construction, or naming what does not exist: a 4xx. */
        REFUSED(false, false),
        /**
         * A deregister of a job that does not exist: Nomad accepts it (200, an evaluation of nothing);
         * the state check allows the evaluation it makes.
         */
        ACCOUNTED_DEREGISTER(true, false),
        /** Incomplete or not HTTP at all: a 4xx, or the connection closed without an answer. */
        REFUSED_OR_CLOSED(false, true),
        /** Malformed framing around a request that could be fine: an answer of any kind, or a close. */
        ANY_OR_CLOSED(true, true);

        final boolean allows2xx;
        final boolean allowsClose;

        Expect(boolean allows2xx, boolean allowsClose) {
            this.allows2xx = allows2xx;
            this.allowsClose = allowsClose;
        }
    }

    static HostileRequest of(String family, String method, String target, byte[] body, Expect expect) {
        return new HostileRequest(family, method, target, List.of(), body, null, expect);
    }

    static HostileRequest of(String family, String method, String target, String body, Expect expect) {
        return of(family, method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8), expect);
    }

    HostileRequest withHeaders(List<String> extra, Expect newExpect) {
        return new HostileRequest(family, method, target, extra, body, raw, newExpect);
    }

    boolean isHead() {
        return "HEAD".equals(method);
    }

    /** The bytes on the wire: the raw ones, or a request line, Host, the extra headers, a length and the body. */
    byte[] bytes() {
        if (raw != null) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.UTF_8));
        for (String h : headers) {
            out.writeBytes((h + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (body != null) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        String shownBody = body == null ? "-" : abbreviate(new String(body, StandardCharsets.UTF_8), 400);
        String shownRaw = raw == null ? "" : " raw=" + abbreviate(new String(raw, StandardCharsets.ISO_8859_1), 400);
        return family + " (" + expect + "): " + abbreviate(method, 40) + " " + abbreviate(target, 300) + " headers="
                + headers.stream().map(h -> abbreviate(h, 80)).toList() + " body=" + shownBody + shownRaw;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }
}

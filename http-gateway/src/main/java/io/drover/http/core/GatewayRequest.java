package io.drover.http.core;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An HTTP request as the routes see it, free of Netty: the method, the URI as sent, its decoded
 * path and query, headers (names case-insensitive) and the whole body. The same shape serves
 * requests from clients and reads forwarded by followers.
 */
public record GatewayRequest(String method, String uri, String path, Map<String, List<String>> query,
        Map<String, String> headers, byte[] body) {

    public GatewayRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        query = Collections.unmodifiableMap(query);
        TreeMap<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        headers = Collections.unmodifiableMap(ci);
    }

    /**
     * Parses {@code uri} (path and query, as on the request line).
     *
     * @throws HttpError 400 when the path has a malformed escape
     */
    public static GatewayRequest of(String method, String uri, Map<String, String> headers, byte[] body) {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        int fragment = rawQuery.indexOf('#');
        if (fragment >= 0) {
            rawQuery = rawQuery.substring(0, fragment);
        }
        return new GatewayRequest(method, uri, decodePath(rawPath), parseQuery(rawQuery), headers, body);
    }

    /** The first value of a query parameter, or "" when absent (Go's {@code Values.Get}). */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** Whether the parameter is present, with or without a value. */
    public boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    /** A header's value, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Percent-decodes a path; unlike a query, '+' stays '+'. */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int pct = raw.indexOf('%', i);
            int end = pct < 0 ? raw.length() : pct;
            out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (pct < 0) {
                break;
            }
            if (pct + 2 >= raw.length()) {
                throw HttpError.badRequest("invalid URL escape");
            }
            int hi = Character.digit(raw.charAt(pct + 1), 16);
            int lo = Character.digit(raw.charAt(pct + 2), 16);
            if (hi < 0 || lo < 0) {
                throw HttpError.badRequest("invalid URL escape");
            }
            out.write((hi << 4) | lo);
            i = pct + 3;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Parses a query string as Go's {@code url.ParseQuery}: malformed pairs are skipped. */
    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                key = URLDecoder.decode(key, StandardCharsets.UTF_8);
                value = URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue;
            }
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}

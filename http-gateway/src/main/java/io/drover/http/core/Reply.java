package io.drover.http.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A response as the routes produce it, free of Netty: status, content type (null when there is no
 * body), body and route-specific headers (the {@code X-Nomad-*} ones). Headers every response
 * carries (Date, Vary, encoding, length) are added when it is sent, by {@link ReplyFinisher}.
 */
public record Reply(int status, String contentType, Body body, List<Map.Entry<String, String>> headers) {
    public Reply {
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(headers);
    }

    public static Reply json(int status, Body body) {
        return new Reply(status, Headers.JSON, body, List.of());
    }

    /** An error: Nomad answers errors as plain text, never JSON. */
    public static Reply text(int status, String message) {
        return new Reply(status, Headers.TEXT, Body.text(message), List.of());
    }

    /** What Nomad answers for a path it has no route for: 404 and nothing else. */
    public static Reply noRoute() {
        return new Reply(404, null, Body.EMPTY, List.of());
    }

    public Reply withHeaders(List<Map.Entry<String, String>> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        all.addAll(more);
        return new Reply(status, contentType, body, all);
    }

    public Reply withHeader(String name, String value) {
        return withHeaders(List.of(Map.entry(name, value)));
    }

    /** The first value of a route header, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}

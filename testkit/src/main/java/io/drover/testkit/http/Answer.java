package io.drover.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer as a Nomad API user sees it: status, body and Nomad's query headers. The body
 * is kept as bytes, so that tests of compression can read what was sent.
 *
 * @param server who answered, for failure messages
 */
public record Answer(String server, int status, byte[] bytes, HttpHeaders headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The body as JSON; a body that is not JSON fails the test, naming what was answered. */
    public JsonNode json() {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(server + " answered " + status + " with a body that is not JSON: " + body(), e);
        }
    }

    /** A header's first value, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** {@code X-Nomad-Index}; its absence fails the test. */
    public long index() {
        String v = header("X-Nomad-Index");
        if (v == null) {
            throw new AssertionError(server + " answered " + status + " without X-Nomad-Index: " + body());
        }
        return Long.parseLong(v);
    }

    /** {@code X-Nomad-KnownLeader}, as sent. */
    public String knownLeader() {
        return header("X-Nomad-KnownLeader");
    }

    /** {@code X-Nomad-LastContact}, as sent. */
    public String lastContact() {
        return header("X-Nomad-LastContact");
    }

    @Override
    public String toString() {
        String body = body();
        return server + " answered " + status + ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
}

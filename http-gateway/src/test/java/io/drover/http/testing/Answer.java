package io.drover.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.model.json.NomadJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** What a client saw: status, headers and body. */
public final class Answer {
    private final HttpResponse<byte[]> response;

    Answer(HttpResponse<byte[]> response) {
        this.response = response;
    }

    public int status() {
        return response.statusCode();
    }

    /** A header's first value, or null. */
    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    public long index() {
        return Long.parseLong(header("X-Nomad-Index"));
    }

    public byte[] bytes() {
        return response.body();
    }

    public String body() {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return NomadJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body(), e);
        }
    }

    @Override
    public String toString() {
        return status() + " " + response.headers().map() + " " + body();
    }
}

package io.drover.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What a Nomad API user has: HTTP requests to one server's API, each with a timeout. A request
 * that gets no answer (connection refused, reset, timed out) throws {@link UncheckedIOException}.
 */
public final class Api {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String server;
    private final String base;

    public Api(String server, int httpPort) {
        this.server = server;
        this.base = "http://127.0.0.1:" + httpPort;
    }

    public String server() {
        return server;
    }

    public Answer get(String path) {
        return get(path, DEFAULT_TIMEOUT);
    }

    public Answer get(String path, Duration timeout) {
        return send(request(path, timeout).GET());
    }

    /** A read left running, as a blocking query is. */
    public CompletableFuture<Answer> getAsync(String path, Duration timeout) {
        return CLIENT.sendAsync(request(path, timeout).GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(server, r.statusCode(), r.body(), r.headers()));
    }

    /** {@code POST /v1/jobs}: registers a job. */
    public Answer register(String jobBody) {
        return send(request("/v1/jobs", DEFAULT_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(jobBody)));
    }

    /** Registers a job with an {@code Idempotency-Key}, so that a retry is applied at most once. */
    public Answer register(String jobBody, String idempotencyKey, Duration timeout) {
        return send(request("/v1/jobs", timeout).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(jobBody)));
    }

    /** A DELETE of {@code path}. */
    public Answer delete(String path, Duration timeout) {
        return send(request(path, timeout).DELETE());
    }

    /** A POST of {@code body} to {@code path}. */
    public Answer post(String path, String body, Duration timeout) {
        return send(request(path, timeout).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(server, r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(server + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One HTTP answer: status, body and Nomad's query headers. */
    public record Answer(String server, int status, String body, HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(server + " answered " + status + " with a body that is not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** {@code X-Nomad-Index}. */
        public long index() {
            String v = header("X-Nomad-Index");
            if (v == null) {
                throw new AssertionError(server + " answered " + status + " without X-Nomad-Index: " + body);
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
            return server + " answered " + status + ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}

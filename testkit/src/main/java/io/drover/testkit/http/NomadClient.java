package io.drover.testkit.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What a Nomad API user has: HTTP/1.1 requests (as Nomad's Go client sends them) to one
 * server's API, each with a timeout, so a server that stops answering fails a test instead of
 * hanging it. A request that gets no answer (connection refused, reset, timed out) throws
 * {@link UncheckedIOException}, which {@link io.drover.testkit.await.Await} counts as "not yet".
 */
public final class NomadClient {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** One client for all: its connection pool and selector thread are shared by every server's API. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String server;
    private final String base;
    private final Duration timeout;

    /**
     * @param server a name for failure messages
     * @param address host:port of the server's HTTP API
     * @param timeout for requests that are not given one
     */
    public NomadClient(String server, String address, Duration timeout) {
        this.server = server;
        this.base = "http://" + address;
        this.timeout = timeout;
    }

    public NomadClient(String server, String address) {
        this(server, address, DEFAULT_TIMEOUT);
    }

    /** The API on 127.0.0.1:{@code port}, named by its address. */
    public static NomadClient local(int port) {
        return new NomadClient("127.0.0.1:" + port, "127.0.0.1:" + port);
    }

    /** The same API with another timeout for requests that are not given one. */
    public NomadClient withTimeout(Duration timeout) {
        return new NomadClient(server, base.substring("http://".length()), timeout);
    }

    public String server() {
        return server;
    }

    public Answer get(String path) {
        return get(path, timeout);
    }

    public Answer get(String path, Duration timeout) {
        return send(request(path, timeout).GET());
    }

    /** A read left running, as a blocking query is. */
    public CompletableFuture<Answer> getAsync(String path, Duration timeout) {
        return sendAsync(request(path, timeout).GET());
    }

    /** {@code POST /v1/jobs}: registers a job. */
    public Answer register(String jobBody) {
        return post("/v1/jobs", jobBody);
    }

    /** Registers a job with an {@code Idempotency-Key}, so that a retry is applied at most once. */
    public Answer register(String jobBody, String idempotencyKey, Duration timeout) {
        return send(request("/v1/jobs", timeout).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(jobBody)));
    }

    public Answer post(String path, String body) {
        return post(path, body, timeout);
    }

    public Answer post(String path, String body, Duration timeout) {
        return send(request(path, timeout).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer put(String path, String body) {
        return send(request(path, timeout).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer delete(String path) {
        return delete(path, timeout);
    }

    public Answer delete(String path, Duration timeout) {
        return send(request(path, timeout).DELETE());
    }

    /** A request to {@code path} with this API's timeout, for headers or methods the calls above do not set. */
    public HttpRequest.Builder request(String path) {
        return request(path, timeout);
    }

    public HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    }

    public Answer send(HttpRequest.Builder request) {
        return send(request.build());
    }

    /** Sends a request built elsewhere (say from {@link #request}), for what the builder cannot express. */
    public Answer send(HttpRequest request) {
        try {
            return answer(CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(server + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public CompletableFuture<Answer> sendAsync(HttpRequest.Builder request) {
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(this::answer);
    }

    private Answer answer(HttpResponse<byte[]> r) {
        return new Answer(server, r.statusCode(), r.body(), r.headers());
    }
}

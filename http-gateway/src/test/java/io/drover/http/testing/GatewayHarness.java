package io.drover.http.testing;

import io.drover.http.HttpGateway;
import io.drover.http.HttpGatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A gateway on an ephemeral port over a fake store and cluster, with a real HTTP client. Close it
 * to stop the gateway.
 */
public final class GatewayHarness implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-22T04:59:25Z");

    public final FakeStateStore store;
    public final FakeCluster cluster;
    public final FakePlanner planner = new FakePlanner();
    public final HttpGateway gateway;
    public final HttpClient client;

    public GatewayHarness() {
        this(new FakeStateStore(), new FakeCluster(), HttpGatewayConfig.of("127.0.0.1", 0));
    }

    public GatewayHarness(FakeStateStore store, FakeCluster cluster, HttpGatewayConfig config) {
        this.store = store;
        this.cluster = cluster;
        this.gateway = new HttpGateway(config, store, cluster, planner, Clock.fixed(NOW, ZoneOffset.UTC), new Random(42))
                .start();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static GatewayHarness withBodyLimit(int bytes) {
        return new GatewayHarness(new FakeStateStore(), new FakeCluster(),
                HttpGatewayConfig.of("127.0.0.1", 0).withMaxRequestBodyBytes(bytes));
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    public Answer get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    public CompletableFuture<Answer> getAsync(String pathAndQuery) {
        return client.sendAsync(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(Answer::new);
    }

    public Answer post(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body);
    }

    public Answer send(String method, String pathAndQuery, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(request(pathAndQuery).method(method, publisher).build());
    }

    public Answer send(HttpRequest request) {
        try {
            return new Answer(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        store.close();
    }
}

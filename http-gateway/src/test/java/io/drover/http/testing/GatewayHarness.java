package io.drover.http.testing;

import io.drover.http.HttpGateway;
import io.drover.http.HttpGatewayConfig;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.net.http.HttpRequest;
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
    public final NomadClient api;

    public GatewayHarness() {
        this(new FakeStateStore(), new FakeCluster(), HttpGatewayConfig.of("127.0.0.1", 0));
    }

    public GatewayHarness(FakeStateStore store, FakeCluster cluster, HttpGatewayConfig config) {
        this.store = store;
        this.cluster = cluster;
        this.gateway = new HttpGateway(config, store, cluster, planner, Clock.fixed(NOW, ZoneOffset.UTC), new Random(42))
                .start();
        this.api = new NomadClient("gateway", "127.0.0.1:" + gateway.port(), Duration.ofSeconds(30));
    }

    public static GatewayHarness withBodyLimit(int bytes) {
        return new GatewayHarness(new FakeStateStore(), new FakeCluster(),
                HttpGatewayConfig.of("127.0.0.1", 0).withMaxRequestBodyBytes(bytes));
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return api.request(pathAndQuery);
    }

    public Answer get(String pathAndQuery) {
        return api.get(pathAndQuery);
    }

    public CompletableFuture<Answer> getAsync(String pathAndQuery) {
        return api.sendAsync(request(pathAndQuery).GET());
    }

    public Answer post(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body);
    }

    public Answer send(String method, String pathAndQuery, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return api.send(request(pathAndQuery).method(method, publisher));
    }

    public Answer send(HttpRequest request) {
        return api.send(request);
    }

    @Override
    public void close() {
        gateway.close();
        store.close();
    }
}

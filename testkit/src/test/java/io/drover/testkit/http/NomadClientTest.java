package io.drover.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.drover.testkit.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NomadClientTest {
    private HttpServer server;
    private final AtomicReference<String> seen = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePorts.take()), 0);
        server.createContext("/", exchange -> {
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"ID\": \"j\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Nomad-Index", "42");
            exchange.getResponseHeaders().add("X-Nomad-KnownLeader", "true");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAnswerCarriesNomadsQueryHeadersAndItsBody() throws Exception {
        NomadClient api = NomadClient.local(server.getAddress().getPort());

        Answer a = api.get("/v1/job/j?stale");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.index()).isEqualTo(42);
        assertThat(a.knownLeader()).isEqualTo("true");
        assertThat(a.lastContact()).isNull();
        assertThat(a.json().get("ID").asText()).isEqualTo("j");
        assertThat(seen.get()).isEqualTo("GET /v1/job/j?stale null ");
        assertThat(api.getAsync("/v1/jobs", Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).index()).isEqualTo(42);
    }

    @Test
    void aRegisterCanCarryAnIdempotencyKey() {
        NomadClient api = NomadClient.local(server.getAddress().getPort());

        api.register("{\"Job\": {}}", "key-1", Duration.ofSeconds(5));

        assertThat(seen.get()).isEqualTo("POST /v1/jobs key-1 {\"Job\": {}}");
    }

    @Test
    void aServerThatDoesNotAnswerThrowsUncheckedIoNamingIt() {
        NomadClient api = new NomadClient("server7", "127.0.0.1:" + FreePorts.take());

        assertThatThrownBy(() -> api.get("/v1/jobs")).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("server7: ");
    }

    @Test
    void aBodyThatIsNotJsonOrAMissingIndexFailsTheTest() {
        Answer a = new Answer("s", 500, "No cluster leader".getBytes(StandardCharsets.UTF_8),
                HttpHeaders.of(Map.of(), (k, v) -> true));

        assertThatThrownBy(a::json).isInstanceOf(AssertionError.class)
                .hasMessageContaining("s answered 500 with a body that is not JSON: No cluster leader");
        assertThatThrownBy(a::index).isInstanceOf(AssertionError.class)
                .hasMessageContaining("without X-Nomad-Index");
    }
}

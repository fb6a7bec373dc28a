package io.drover.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.http.HttpGatewayConfig;
import io.drover.http.HttpLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code limits} block as Nomad 0.11.3 reads it (its keys, defaults and refusals), Drover's two
 * HTTP timeouts beside them, and {@code server.job_max_count}; and what the gateway is given.
 */
class AgentConfigBuilderLimitsTest {
    @TempDir
    Path dir;

    @Test
    void withoutALimitsBlockTheAgentHasNomadsDefaults() throws Exception {
        AgentConfig c = build("{}");

        assertThat(c.limits()).isEqualTo(new Limits(Duration.ofSeconds(5), 100, Duration.ofSeconds(5), 100,
                Duration.ofSeconds(30), Duration.ofMinutes(2)));
        assertThat(c.jobMaxCount()).isEqualTo(50_000);
        HttpGatewayConfig gateway = GatewaySettings.of(c);
        assertThat(gateway.limits()).isEqualTo(HttpLimits.DEFAULTS);
        assertThat(gateway.jobMaxCount()).isEqualTo(50_000);
    }

    @Test
    void theBlocksKeysAreReadAndReachTheGateway() throws Exception {
        AgentConfig c = build("{\"limits\": {\"https_handshake_timeout\": \"10s\", \"http_max_conns_per_client\": 7,"
                + " \"rpc_handshake_timeout\": \"1m\", \"rpc_max_conns_per_client\": 0,"
                + " \"http_read_timeout\": \"5s\", \"http_idle_timeout\": \"0\"},"
                + " \"server\": {\"job_max_count\": 0}}");

        assertThat(c.limits()).isEqualTo(new Limits(Duration.ofSeconds(10), 7, Duration.ofMinutes(1), 0,
                Duration.ofSeconds(5), Duration.ZERO));
        assertThat(GatewaySettings.of(c).limits()).isEqualTo(new HttpLimits(7, Duration.ofSeconds(5), Duration.ZERO));
        assertThat(GatewaySettings.of(c).jobMaxCount()).isZero();
    }

    @Test
    void aLaterFileSetsOnlyWhatItNames() throws Exception {
        AgentConfig c = new AgentConfigBuilder().dev(true).dataDir(dir)
                .file(write("{\"limits\": {\"http_max_conns_per_client\": 3, \"http_idle_timeout\": \"10s\"}}"))
                .file(write("{\"limits\": {\"http_max_conns_per_client\": 4}}"))
                .build();

        assertThat(c.limits().httpMaxConnsPerClient()).isEqualTo(4);
        assertThat(c.limits().httpIdleTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void valuesNomadRefusesAreRefusedInItsWords() {
        assertRefused("{\"limits\": {\"https_handshake_timeout\": \"soon\"}}",
                "error parsing https_handshake_timeout: time: invalid duration \"soon\"");
        assertRefused("{\"limits\": {\"https_handshake_timeout\": \"-1s\"}}", "https_handshake_timeout must be >= 0");
        assertRefused("{\"limits\": {\"rpc_handshake_timeout\": \"x\"}}",
                "error parsing rpc_handshake_timeout: time: invalid duration \"x\"");
        assertRefused("{\"limits\": {\"rpc_handshake_timeout\": \"-5s\"}}", "rpc_handshake_timeout must be >= 0");
        assertRefused("{\"limits\": {\"http_max_conns_per_client\": -1}}", "http_max_conns_per_client must be >= 0");
        assertRefused("{\"limits\": {\"rpc_max_conns_per_client\": 25}}",
                "rpc_max_conns_per_client must be > 25; found: 25");
        assertRefused("{\"limits\": {\"http_read_timeout\": \"-1s\"}}", "http_read_timeout must be >= 0");
        assertRefused("{\"limits\": {\"http_idle_timeout\": \"1 minute\"}}",
                "error parsing http_idle_timeout: time: invalid duration \"1 minute\"");
        assertRefused("{\"limits\": {\"http_max_conns_per_client\": \"many\"}}",
                "config key http_max_conns_per_client must be a number, not \"many\"");
        assertRefused("{\"server\": {\"job_max_count\": -1}}", "job_max_count (-1) cannot be negative");
    }

    private void assertRefused(String json, String message) {
        assertThatThrownBy(() -> build(json)).as(json).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    private AgentConfig build(String json) throws Exception {
        return new AgentConfigBuilder().dev(true).dataDir(dir).file(write(json)).build();
    }

    private Path write(String json) throws Exception {
        Path f = Files.createTempFile(dir, "agent", ".json");
        Files.writeString(f, json);
        return f;
    }
}

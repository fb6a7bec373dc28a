package io.drover.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.model.json.GoDuration;
import java.time.Duration;
import java.util.Optional;

/** Reads a config file's {@code limits} block over the limits set so far, as Nomad merges them: what is set wins. */
final class LimitsBlock {
    private LimitsBlock() {
    }

    /** @throws ConfigException with Nomad's words for a value it cannot read or refuses */
    static Limits read(JsonNode block, Limits base) {
        if (block.isMissingNode() || block.isNull()) {
            return base;
        }
        if (!block.isObject()) {
            throw new ConfigException("limits must be a block of keys");
        }
        return new Limits(
                duration(block, "https_handshake_timeout").orElse(base.httpsHandshakeTimeout()),
                AgentConfigBuilder.integer(block, "http_max_conns_per_client").orElse(base.httpMaxConnsPerClient()),
                duration(block, "rpc_handshake_timeout").orElse(base.rpcHandshakeTimeout()),
                AgentConfigBuilder.integer(block, "rpc_max_conns_per_client").orElse(base.rpcMaxConnsPerClient()),
                duration(block, "http_read_timeout").orElse(base.httpReadTimeout()),
                duration(block, "http_idle_timeout").orElse(base.httpIdleTimeout()));
    }

    /** A Go duration string, refused in the words Nomad's agent uses when it parses its limits. */
    private static Optional<Duration> duration(JsonNode block, String key) {
        return AgentConfigBuilder.text(block, key).map(v -> {
            try {
                return Duration.ofNanos(GoDuration.parseNanos(v));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("error parsing " + key + ": " + e.getMessage());
            }
        });
    }
}

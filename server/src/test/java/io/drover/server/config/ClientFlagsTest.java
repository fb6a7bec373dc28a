package io.drover.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.client.agent.NodeAgentConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code agent -client} flags, as a node agent's configuration. */
class ClientFlagsTest {
    @Test
    void serversWithoutAPortUseTheGrpcDefault() {
        NodeAgentConfig c = ClientFlags.config(List.of("10.0.0.1", "10.0.0.2:5000"), Path.of("/tmp/d"), "n1", null,
                null, "gpu", null, "10.0.0.9", null);

        assertThat(c.servers()).containsExactly("10.0.0.1:4648", "10.0.0.2:5000");
        assertThat(c.name()).isEqualTo("n1");
        assertThat(c.datacenter()).isEqualTo("dc1");
        assertThat(c.region()).isEqualTo("global");
        assertThat(c.nodeClass()).isEqualTo("gpu");
        assertThat(c.ip()).isEqualTo("10.0.0.9");
        assertThat(c.httpAddr()).isEqualTo("10.0.0.9:4646");
    }

    @Test
    void serversAndADataDirAreRequired() {
        assertThatThrownBy(() -> ClientFlags.config(List.of(), Path.of("/tmp/d"), null, null, null, null, null, null,
                null)).isInstanceOf(ConfigException.class).hasMessageContaining("-servers");
        assertThatThrownBy(() -> ClientFlags.config(List.of("a"), null, null, null, null, null, null, null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("-data-dir");
    }
}

package io.drover.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.client.agent.AllocGcPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code client} block of a config file: Nomad's gc settings for the node agent. */
class AgentConfigBuilderClientTest {
    @TempDir
    Path dir;

    @Test
    void withoutAClientBlockTheNodeKeepsNomadsDefaults() throws Exception {
        AgentConfig c = new AgentConfigBuilder().dev(true).dataDir(dir).file(write("{}")).build();

        assertThat(c.clientGc()).isEqualTo(AllocGcPolicy.DEFAULT);
    }

    @Test
    void gcSettingsAreReadFromTheClientBlock() throws Exception {
        AgentConfig c = new AgentConfigBuilder().dev(true).dataDir(dir)
                .file(write("{\"client\": {\"gc_max_allocs\": 7, \"gc_disk_usage_threshold\": 90.5,"
                        + " \"gc_interval\": \"30s\"}}"))
                .build();

        assertThat(c.clientGc()).isEqualTo(new AllocGcPolicy(7, 90.5, Duration.ofSeconds(30)));
    }

    @Test
    void aBadGcSettingNamesTheFileAndTheKey() throws Exception {
        Path f = write("{\"client\": {\"gc_max_allocs\": 0}}");

        assertThatThrownBy(() -> new AgentConfigBuilder().file(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("gc_max_allocs");
    }

    private Path write(String json) throws Exception {
        Path f = Files.createTempFile(dir, "agent", ".json");
        Files.writeString(f, json);
        return f;
    }
}

package io.drover.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.server.gc.GcThresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code server} block's garbage collection settings, with Nomad's defaults for the rest. */
class AgentConfigBuilderServerGcTest {
    @TempDir
    Path dir;

    @Test
    void withoutSettingsTheServerKeepsNomadsDefaults() throws Exception {
        AgentConfig c = new AgentConfigBuilder().dev(true).dataDir(dir).file(write("{}")).build();

        assertThat(c.serverGc()).isEqualTo(new GcThresholds(Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofHours(4), Duration.ofHours(24)));
    }

    @Test
    void thresholdsAndTheIntervalAreReadFromTheServerBlock() throws Exception {
        AgentConfig c = new AgentConfigBuilder().dev(true).dataDir(dir)
                .file(write("{\"server\": {\"job_gc_interval\": \"1m\", \"eval_gc_threshold\": \"10m\","
                        + " \"job_gc_threshold\": \"2h\"}}"))
                .build();

        assertThat(c.serverGc()).isEqualTo(new GcThresholds(Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofHours(2), Duration.ofHours(24)));
    }

    private Path write(String json) throws Exception {
        Path f = Files.createTempFile(dir, "agent", ".json");
        Files.writeString(f, json);
        return f;
    }
}

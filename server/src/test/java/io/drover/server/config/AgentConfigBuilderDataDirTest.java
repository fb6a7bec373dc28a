package io.drover.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose data dir it is: only a temp dir a dev agent made for itself is the agent's to remove. */
class AgentConfigBuilderDataDirTest {
    @TempDir
    Path dir;

    @Test
    void aDevAgentWithoutADataDirMakesAFreshTempDirOfItsOwn() throws Exception {
        AgentConfig c = new AgentConfigBuilder().dev(true).build();
        try {
            assertThat(c.tempDataDir()).isTrue();
            assertThat(c.dataDir()).isDirectory().isEmptyDirectory();
            assertThat(c.dataDir().getFileName().toString()).startsWith("drover-dev-");
        } finally {
            Files.deleteIfExists(c.dataDir());
        }
    }

    @Test
    void aDataDirTheUserNamesIsNeverTheAgentsToRemove() {
        assertThat(new AgentConfigBuilder().dev(true).dataDir(dir).build().tempDataDir()).isFalse();
        assertThat(new AgentConfigBuilder().dataDir(dir).build().tempDataDir()).isFalse();
    }

    @Test
    void aConfigFilesDataDirCountsAsNamedByTheUser() throws Exception {
        Path file = dir.resolve("agent.json");
        Files.writeString(file, "{\"data_dir\": \"" + dir.resolve("state") + "\"}");

        AgentConfig c = new AgentConfigBuilder().dev(true).file(file).build();

        assertThat(c.dataDir()).isEqualTo(dir.resolve("state"));
        assertThat(c.tempDataDir()).isFalse();
    }

    @Test
    void aServerMustBeToldWhereItsStateLives() {
        assertThatThrownBy(() -> new AgentConfigBuilder().build()).isInstanceOf(ConfigException.class)
                .hasMessage("a data directory is required: set -data-dir or data_dir (or run -dev)");
    }
}

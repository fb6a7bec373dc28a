package io.drover.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nomad's {@code advertise} block: where other servers and nodes reach this one, which may be
 * another port than the one it binds (a proxy, a NAT in between).
 */
class AgentConfigBuilderAdvertiseTest {
    @TempDir
    Path dir;

    @Test
    void anAdvertisedPortIsWhatPeersUseWhileTheServerBindsItsOwn() throws Exception {
        AgentConfig c = new AgentConfigBuilder().dataDir(dir).bindAddr("127.0.0.1").rpcPort(4647).serfPort(4648)
                .file(write("{\"advertise\": {\"rpc\": \"10.0.0.5:5647\", \"serf\": \"10.0.0.5:5648\"}}"))
                .build();

        assertThat(c.rpcPort()).isEqualTo(4647);
        assertThat(c.serfPort()).isEqualTo(4648);
        assertThat(c.raftAddress()).isEqualTo("10.0.0.5:5647");
        assertThat(c.grpcAddress()).isEqualTo("10.0.0.5:5648");
        assertThat(c.peers()).containsExactly("10.0.0.5:5647");
    }

    @Test
    void anAdvertisedHostAloneKeepsTheBoundPorts() throws Exception {
        AgentConfig c = new AgentConfigBuilder().dataDir(dir).bindAddr("0.0.0.0").rpcPort(4647).serfPort(4648)
                .file(write("{\"advertise\": {\"rpc\": \"10.0.0.5\"}}"))
                .build();

        assertThat(c.raftAddress()).isEqualTo("10.0.0.5:4647");
        assertThat(c.grpcAddress()).isEqualTo("10.0.0.5:4648");
    }

    @Test
    void aBadAdvertisedPortIsRefusedNamingTheKey() throws Exception {
        AgentConfigBuilder b = new AgentConfigBuilder().dataDir(dir);
        Path bad = write("{\"advertise\": {\"rpc\": \"10.0.0.5:99999\"}}");

        assertThatThrownBy(() -> b.file(bad)).isInstanceOf(ConfigException.class)
                .hasMessage("advertise.rpc has no valid port: 10.0.0.5:99999");
    }

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("agent.json"), json);
    }
}

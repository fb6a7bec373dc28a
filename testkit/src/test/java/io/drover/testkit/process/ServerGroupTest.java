package io.drover.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With {@code sleep} standing in for a server: what the group starts it stops, and what it made it removes. */
class ServerGroupTest {
    @Test
    void closingTheGroupKillsItsProcessesAndRemovesItsHome() throws Exception {
        ServerGroup group = ServerGroup.inTempDir("testkit-group-");
        Path home = group.home();
        ServerProcess sleeper = group.add(new ServerProcess("sleeper", List.of("sleep", "600"), ServerPorts.free(),
                "127.0.0.1:1", group.dir("sleeper").resolve("data"), group.dir("sleeper").resolve("sleeper.log")));

        sleeper.start();
        long pid = sleeper.pid();
        assertThat(sleeper.isRunning()).isTrue();
        assertThat(home.resolve("sleeper/data")).isDirectory();
        assertThat(group.running()).containsExactly(sleeper);
        assertThat(group.logTails(5)).contains("=== starting sleeper: sleep 600");

        group.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(sleeper.state()).startsWith("exited with ");
        assertThat(Files.exists(home)).isFalse();
    }

    @Test
    void aStoppedServerStartsAgainOnTheSameDataDir() throws Exception {
        try (ServerGroup group = ServerGroup.inTempDir("testkit-group-")) {
            Path data = group.dir("s").resolve("data");
            ServerProcess s = group.add(new ServerProcess("s", List.of("sleep", "600"), ServerPorts.free(),
                    "127.0.0.1:1", data, group.dir("s").resolve("s.log")));
            s.start();
            long first = s.pid();
            Files.writeString(data.resolve("kept"), "x");

            s.stop();
            s.start();

            assertThat(s.pid()).isNotEqualTo(first);
            assertThat(data.resolve("kept")).hasContent("x");
            assertThat(s.logTail(10)).contains("=== s exited with 143");
        }
    }

    @Test
    void theLauncherPutsTheAgentsArgumentsAfterItsCommand() {
        AgentLauncher launcher = AgentLauncher.script("bin/drover");
        ServerPorts ports = new ServerPorts(1, 2, 3);

        ServerProcess dev = ServerProcess.dev(launcher, "dev", ports, Path.of("/tmp/h"));

        assertThat(dev.toString()).isEqualTo("dev (http 1, raft 2)");
        assertThat(dev.grpcAddress()).isEqualTo("127.0.0.1:3");
        assertThat(launcher.run(List.of("agent", "-dev"))).containsExactly("bin/drover", "agent", "-dev");
        assertThat(ServerProcess.server(launcher, "server0", ports, "127.0.0.1:2",
                List.of("127.0.0.1:2", "127.0.0.1:5"), Path.of("/tmp/h"), List.of("-x")).dataDir())
                .isEqualTo(Path.of("/tmp/h/data"));
    }
}

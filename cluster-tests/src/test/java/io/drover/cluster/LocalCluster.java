package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Three Drover servers on 127.0.0.1, each a JVM started from the packaged jar, as
 * {@code deploy/local-cluster.sh} runs them. Registered as a static JUnit extension it starts
 * the servers before the class's tests and waits for a leader, prints every server's log tail
 * when a test fails, and afterwards kills the servers and removes their data, also when the test
 * JVM itself is shut down.
 */
final class LocalCluster implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    static final Duration ELECTION_BOUND = Duration.ofSeconds(30);
    private final int size;
    private final List<String> extraArgs;
    private final String agentConfig;
    private final List<ServerProcess> servers = new ArrayList<>();
    private Path home;
    private Thread shutdownHook;

    private LocalCluster(int size, List<String> extraArgs, String agentConfig) {
        this.size = size;
        this.extraArgs = List.copyOf(extraArgs);
        this.agentConfig = agentConfig;
    }

    /** Three servers, each also given {@code extraArgs} (agent flags). */
    static LocalCluster ofThree(String... extraArgs) {
        return new LocalCluster(3, List.of(extraArgs), null);
    }

    /** One server alone (bootstrap_expect 1), given {@code extraArgs} (agent flags). */
    static LocalCluster ofOne(String... extraArgs) {
        return new LocalCluster(1, List.of(extraArgs), null);
    }

    /**
     * Three servers whose leader schedules nothing (no workers): evaluations stay pending, so
     * tests of the replicated job store see exactly the writes they make.
     */
    static LocalCluster ofThreeWithoutScheduling() {
        return ofThreeWithConfig("{\"server\": {\"num_schedulers\": 0}}");
    }

    /**
     * Three servers that all read {@code agentConfigJson} as a {@code -config} file: for
     * settings that have no flag, such as the server's heartbeat TTLs.
     */
    static LocalCluster ofThreeWithConfig(String agentConfigJson) {
        return new LocalCluster(3, List.of(), Objects.requireNonNull(agentConfigJson));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String jarProperty = System.getProperty("drover.server.jar");
        assertThat(jarProperty).as("system property drover.server.jar (set by cluster-tests/pom.xml)").isNotNull();
        Path jar = Path.of(jarProperty).toAbsolutePath().normalize();
        assertThat(jar).as("the packaged server (mvn -DskipTests package builds it)").isRegularFile();

        home = Files.createTempDirectory("drover-cluster-");
        shutdownHook = new Thread(this::killAllAndRemoveData, "local-cluster-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        List<String> args = new ArrayList<>(extraArgs);
        if (agentConfig != null) {
            Path config = Files.writeString(home.resolve("agent.json"), agentConfig);
            args.add("-config");
            args.add(config.toString());
        }
        int[] ports = io.drover.testkit.net.FreePorts.take(3 * size);
        List<String> raftAddresses = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            raftAddresses.add("127.0.0.1:" + ports[3 * i + 1]);
        }
        for (int i = 0; i < size; i++) {
            String name = "server" + i;
            servers.add(new ServerProcess(jar, name,
                    new ServerProcess.Ports(ports[3 * i], ports[3 * i + 1], ports[3 * i + 2]), raftAddresses,
                    Files.createDirectories(home.resolve(name)), args));
        }
        System.out.println("[cluster] " + context.getDisplayName() + ": " + servers + " in " + home);
        servers.forEach(ServerProcess::start);
        try {
            leader();
        } catch (AssertionError e) {
            keepLogs(context);
            throw new AssertionError(e.getMessage() + "\n" + logTails(), e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        killAllAndRemoveData();
        if (shutdownHook != null) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.out.println("[cluster] " + context.getDisplayName() + " failed: " + cause);
        System.out.println(logTails());
        keepLogs(context);
    }

    List<ServerProcess> servers() {
        return List.copyOf(servers);
    }

    List<ServerProcess> running() {
        return servers.stream().filter(ServerProcess::isRunning).toList();
    }

    /**
     * The leader, once every running server names the same one in {@code /v1/status/leader} and
     * that server calls itself Leader in {@code /v1/agent/self}.
     */
    ServerProcess leader() {
        return Await.value("the running servers " + running() + " agree on a leader", ELECTION_BOUND,
                this::agreedLeader);
    }

    /** Starts every server that was stopped or killed, and waits for a leader again. */
    void restartStopped() {
        for (ServerProcess s : servers) {
            if (!s.isRunning()) {
                s.start();
            }
        }
        leader();
    }

    /** The running servers other than the leader. */
    List<ServerProcess> followers() {
        ServerProcess leader = leader();
        return running().stream().filter(s -> s != leader).toList();
    }

    private Optional<ServerProcess> agreedLeader() {
        String named = null;
        for (ServerProcess s : running()) {
            Api.Answer a = s.api().get("/v1/status/leader", Duration.ofSeconds(2));
            if (a.status() != 200) {
                return Optional.empty();
            }
            String leader = a.json().asText();
            if (leader.isEmpty() || (named != null && !named.equals(leader))) {
                return Optional.empty();
            }
            named = leader;
        }
        String leaderAddress = named;
        Optional<ServerProcess> leader = running().stream()
                .filter(s -> s.raftAddress().equals(leaderAddress)).findFirst();
        return leader.filter(s -> "Leader".equals(raftState(s)));
    }

    /** {@code stats.raft.state} of {@code /v1/agent/self}: "Leader", "Follower" or "Candidate". */
    static String raftState(ServerProcess s) {
        JsonNode self = s.api().get("/v1/agent/self", Duration.ofSeconds(2)).json();
        return self.path("stats").path("raft").path("state").asText();
    }

    /** Every server's log tail, for a failure report. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        for (ServerProcess s : servers) {
            out.append("----- ").append(s).append(" (").append(s.state()).append(")")
                    .append(", last log lines -----\n").append(s.logTail(60));
        }
        return out.toString();
    }

    /**
     * Copies every server's whole log to {@code drover.cluster.logs}/<test class>/ (set by the
     * pom to target/cluster-logs), since the data dirs they live in are removed afterwards.
     */
    private void keepLogs(ExtensionContext context) {
        String root = System.getProperty("drover.cluster.logs");
        if (root == null) {
            return;
        }
        String testClass = context.getTestClass().map(Class::getSimpleName).orElse("cluster");
        try {
            Path dir = Files.createDirectories(Path.of(root, testClass));
            for (ServerProcess s : servers) {
                s.copyLogTo(dir);
            }
            System.out.println("[cluster] full server logs kept in " + dir.toAbsolutePath());
        } catch (IOException | UncheckedIOException e) {
            System.out.println("[cluster] could not keep the server logs: " + e);
        }
    }

    private synchronized void killAllAndRemoveData() {
        for (ServerProcess s : servers) {
            s.kill();
        }
        if (home != null) {
            deleteRecursively(home);
            home = null;
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.out.println("[cluster] could not remove " + dir + ": " + e);
        }
    }
}

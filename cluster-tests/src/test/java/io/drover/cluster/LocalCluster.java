package io.drover.cluster;

import io.drover.testkit.await.Await;
import io.drover.testkit.process.AgentLauncher;
import io.drover.testkit.process.Leaders;
import io.drover.testkit.process.ServerGroup;
import io.drover.testkit.process.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Three Drover servers on 127.0.0.1, each a JVM started from the packaged jar, as
 * {@code deploy/local-cluster.sh} runs them. Registered as a static JUnit extension it starts
 * the servers before the class's tests and waits for a leader, prints every server's log tail
 * when a test fails, and afterwards kills the servers and removes their data (a
 * {@link ServerGroup}, which does so also when the test JVM itself is shut down).
 */
final class LocalCluster implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    static final Duration ELECTION_BOUND = Duration.ofSeconds(30);
    private final int size;
    private final List<String> extraArgs;
    private final String agentConfig;
    private ServerGroup group;

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

    /**
     * Three servers with short heartbeat TTLs, so that a node that goes silent (or whose agent is
     * closed) is down within seconds rather than minutes.
     */
    static LocalCluster ofThreeWithShortHeartbeats() {
        return ofThreeWithConfig("""
                {"server": {"min_heartbeat_ttl": "2s", "heartbeat_grace": "2s", "failover_heartbeat_ttl": "10s"}}
                """);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        AgentLauncher launcher = PackagedServer.launcher();
        group = ServerGroup.inTempDir("drover-cluster-");
        List<String> args = new ArrayList<>(extraArgs);
        if (agentConfig != null) {
            Path config = Files.writeString(group.home().resolve("agent.json"), agentConfig);
            args.add("-config");
            args.add(config.toString());
        }
        List<ServerProcess> servers = group.addCluster(launcher, size, args);
        System.out.println("[cluster] " + context.getDisplayName() + ": " + servers + " in " + group.home());
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
        if (group != null) {
            group.close();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.out.println("[cluster] " + context.getDisplayName() + " failed: " + cause);
        System.out.println(logTails());
        keepLogs(context);
    }

    List<ServerProcess> servers() {
        return group.servers();
    }

    List<ServerProcess> running() {
        return group.running();
    }

    /**
     * The leader, once every running server names the same one in {@code /v1/status/leader} and
     * that server calls itself Leader in {@code /v1/agent/self}.
     */
    ServerProcess leader() {
        return Await.value("the running servers " + running() + " agree on a leader", ELECTION_BOUND,
                () -> Leaders.agreed(servers()));
    }

    /** Starts every server that was stopped or killed, and waits for a leader again. */
    void restartStopped() {
        for (ServerProcess s : servers()) {
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

    /** {@code stats.raft.state} of {@code /v1/agent/self}: "Leader", "Follower" or "Candidate". */
    static String raftState(ServerProcess s) {
        return Leaders.raftState(s);
    }

    /** Every server's log tail, for a failure report. */
    String logTails() {
        return group.logTails(60);
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
            Path dir = Path.of(root, testClass);
            group.copyLogsTo(dir);
            System.out.println("[cluster] full server logs kept in " + dir.toAbsolutePath());
        } catch (IOException | UncheckedIOException e) {
            System.out.println("[cluster] could not keep the server logs: " + e);
        }
    }
}

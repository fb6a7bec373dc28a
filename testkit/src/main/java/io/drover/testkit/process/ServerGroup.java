package io.drover.testkit.process;

import io.drover.testkit.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server processes one test or benchmark starts, under one temporary home: closing the
 * group kills them all and removes the home with their data and logs, and so does the JVM's
 * shutdown (a build cancelled with Ctrl-C), so no server outlives what started it.
 */
public final class ServerGroup implements AutoCloseable {
    private final Path home;
    private final List<ServerProcess> servers = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean closed;

    private ServerGroup(Path home) {
        this.home = home;
        this.shutdownHook = new Thread(this::killAllAndRemoveHome, "server-group-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A group whose home is a new temporary directory named {@code prefix…}. */
    public static ServerGroup inTempDir(String prefix) {
        return new ServerGroup(TempDirs.create(prefix));
    }

    public Path home() {
        return home;
    }

    /** A directory of its own under the home, for one server's data, log or config. */
    public Path dir(String name) {
        try {
            return Files.createDirectories(home.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code server}, not started, to what {@link #close} kills. */
    public synchronized ServerProcess add(ServerProcess server) {
        servers.add(server);
        return server;
    }

    /**
     * Adds {@code size} servers {@code server0…} forming one cluster on free loopback ports
     * (each its own dir under the home), not started; each also gets {@code extraArgs}.
     */
    public List<ServerProcess> addCluster(AgentLauncher launcher, int size, List<String> extraArgs) {
        List<ServerPorts> ports = new ArrayList<>();
        List<String> raftAddresses = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(ServerPorts.free());
            raftAddresses.add("127.0.0.1:" + ports.get(i).raft());
        }
        List<ServerProcess> cluster = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String name = "server" + i;
            cluster.add(add(ServerProcess.server(launcher, name, ports.get(i), raftAddresses.get(i), raftAddresses,
                    dir(name), extraArgs)));
        }
        return cluster;
    }

    public synchronized List<ServerProcess> servers() {
        return List.copyOf(servers);
    }

    public List<ServerProcess> running() {
        return servers().stream().filter(ServerProcess::isRunning).toList();
    }

    /** Every server's log tail, for a failure report. */
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        for (ServerProcess s : servers()) {
            out.append("----- ").append(s).append(" (").append(s.state()).append("), last log lines -----\n")
                    .append(s.logTail(lines));
        }
        return out.toString();
    }

    /** Copies every server's whole log into {@code dir}, since the home they live in is removed on close. */
    public void copyLogsTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (ServerProcess s : servers()) {
            s.copyLogTo(dir);
        }
    }

    @Override
    public void close() {
        killAllAndRemoveHome();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // closed from another shutdown hook: this one runs anyway and finds nothing to do
        }
    }

    private synchronized void killAllAndRemoveHome() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServerProcess s : servers) {
            s.kill();
        }
        TempDirs.deleteQuietly(home);
    }
}

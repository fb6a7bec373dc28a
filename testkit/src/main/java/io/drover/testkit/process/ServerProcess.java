package io.drover.testkit.process;

import io.drover.testkit.http.NomadClient;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One Drover agent as a separate process, as an operator would run it: its own ports on
 * 127.0.0.1, its own data dir, its stdout and stderr appended to a log file. It can be stopped
 * (SIGTERM), killed (SIGKILL), paused and started again on the same data dir and ports.
 */
public final class ServerProcess {
    private final String name;
    private final ServerPorts ports;
    private final String advertisedRaft;
    private final Path dataDir;
    private final Path log;
    private final List<String> command;
    private final NomadClient api;
    private Process process;

    /**
     * @param command the whole command line
     * @param advertisedRaft what its peers and {@code /v1/status/leader} call it
     * @param dataDir created before each start; null for an agent that picks its own
     * @param log where its output is appended
     */
    public ServerProcess(String name, List<String> command, ServerPorts ports, String advertisedRaft, Path dataDir,
            Path log) {
        this.name = Objects.requireNonNull(name);
        this.command = List.copyOf(command);
        this.ports = ports;
        this.advertisedRaft = Objects.requireNonNull(advertisedRaft);
        this.dataDir = dataDir;
        this.log = Objects.requireNonNull(log);
        this.api = new NomadClient(name, "127.0.0.1:" + ports.http());
    }

    /**
     * A server of a cluster of {@code peerRaftAddresses.size()}, bound to 127.0.0.1, its data
     * in {@code home/data} and its log {@code home/<name>.log}. Its peers reach its Raft at
     * {@code advertisedRaft} (a proxy's address, say), which {@code extraArgs} must then make it
     * advertise ({@code advertise.rpc} in a config file).
     */
    public static ServerProcess server(AgentLauncher launcher, String name, ServerPorts ports, String advertisedRaft,
            List<String> peerRaftAddresses, Path home, List<String> extraArgs) {
        Path dataDir = home.resolve("data");
        List<String> args = new ArrayList<>(List.of("agent", "-server", "-node", name, "-bind", "127.0.0.1",
                "-data-dir", dataDir.toString(), "-http-port", Integer.toString(ports.http()),
                "-rpc-port", Integer.toString(ports.raft()), "-serf-port", Integer.toString(ports.grpc()),
                "-bootstrap-expect", Integer.toString(peerRaftAddresses.size())));
        for (String peer : peerRaftAddresses) {
            args.add("-retry-join");
            args.add(peer);
        }
        args.addAll(extraArgs);
        return new ServerProcess(name, launcher.run(args), ports, advertisedRaft, dataDir, home.resolve(name + ".log"));
    }

    /**
     * {@code agent -dev}: a server and its own node, its data where the dev agent puts it, its
     * log {@code home/<name>.log}.
     */
    public static ServerProcess dev(AgentLauncher launcher, String name, ServerPorts ports, Path home) {
        List<String> args = List.of("agent", "-dev", "-http-port", Integer.toString(ports.http()),
                "-rpc-port", Integer.toString(ports.raft()), "-serf-port", Integer.toString(ports.grpc()));
        return new ServerProcess(name, launcher.run(args), ports, "127.0.0.1:" + ports.raft(), null,
                home.resolve(name + ".log"));
    }

    /** Starts the server (again, on the same data dir and ports, after a stop or kill). */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
            }
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== starting " + name + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. Returns once the process is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(10);
    }

    /** SIGTERM, then SIGKILL if it has not exited after 20 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!awaitExit(20)) {
            kill();
        }
    }

    private boolean awaitExit(int seconds) {
        try {
            boolean exited = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!exited) {
                return false;
            }
            appendToLog("=== " + name + " exited with " + process.exitValue() + "\n");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGSTOP: the process is frozen, as by a long GC pause or an overloaded host, until {@link #resume}. */
    public synchronized void pause() {
        signal("STOP");
    }

    /** SIGCONT: a paused process runs on. */
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(this.name + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        appendToLog("=== " + this.name + ": SIG" + name + "\n");
    }

    /** The process ID while running. */
    public synchronized long pid() {
        return process.pid();
    }

    /** "running", "not started", or how the process ended (an exit code above 128 is 128 + a signal). */
    public synchronized String state() {
        if (process == null) {
            return "not started";
        }
        return process.isAlive() ? "running, pid " + process.pid() : "exited with " + process.exitValue();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    /** What this server's peers and {@code /v1/status/leader} call it. */
    public String raftAddress() {
        return advertisedRaft;
    }

    /** Where node agents reach this server's {@code NodeRpc} (gRPC on the serf port). */
    public String grpcAddress() {
        return "127.0.0.1:" + ports.grpc();
    }

    /** Where this server's HTTP API answers. */
    public String httpAddress() {
        return "127.0.0.1:" + ports.http();
    }

    public NomadClient api() {
        return api;
    }

    /** Its data dir; null for a dev agent, which picks its own. */
    public Path dataDir() {
        return dataDir;
    }

    /** The last {@code lines} lines of this server's log, each cut to a readable width. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
                out.append(line.length() > 400 ? line.substring(0, 400) + "…" : line).append('\n');
            }
            return out.toString();
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Copies this server's log into {@code dir} (replacing an older copy). */
    public void copyLogTo(Path dir) throws IOException {
        if (Files.exists(log)) {
            Files.copy(log, dir.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void appendToLog(String text) {
        try {
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a diagnostic aid only
        }
    }

    @Override
    public String toString() {
        return name + " (http " + ports.http() + ", raft " + ports.raft() + ")";
    }
}

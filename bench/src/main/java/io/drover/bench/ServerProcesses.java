package io.drover.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Drover servers started as separate JVMs from the packaged jar, on free loopback ports. */
final class ServerProcesses implements AutoCloseable {
    final List<Server> servers = new ArrayList<>();
    final Path dir;
    private final List<String> launcher;

    /** Servers run as {@code java <jvmOptions> -jar <jar> agent …}. */
    ServerProcesses(String jar, List<String> jvmOptions) {
        this(java(jar, jvmOptions));
    }

    /** Servers run as {@code <launcher> agent …} (e.g. bin/drover). */
    ServerProcesses(List<String> launcher) {
        this.launcher = List.copyOf(launcher);
        try {
            this.dir = Files.createTempDirectory("drover-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code n} servers forming one cluster (n = 1 is a dev-like single server). */
    List<Server> startCluster(int n) {
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(new int[] {freePort(), freePort(), freePort()});
        }
        for (int i = 0; i < n; i++) {
            List<String> args = new ArrayList<>(List.of("agent", "-server", "-node", "bench" + i, "-bind", "127.0.0.1",
                    "-data-dir", dir.resolve("server" + i).toString(),
                    "-http-port", "" + ports.get(i)[0], "-rpc-port", "" + ports.get(i)[1],
                    "-serf-port", "" + ports.get(i)[2], "-bootstrap-expect", "" + n));
            for (int[] p : ports) {
                args.add("-retry-join");
                args.add("127.0.0.1:" + p[1]);
            }
            servers.add(start("server" + i, ports.get(i)[0], args));
        }
        return servers;
    }

    private static List<String> java(String jar, List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions.isEmpty() ? defaultJvmOptions(jar) : jvmOptions);
        cmd.add("-jar");
        cmd.add(jar);
        return cmd;
    }

    /** What bin/drover runs servers with: {@code bin/jvm.options} of the project the jar was built in. */
    static List<String> defaultJvmOptions(String jar) {
        Path options = Path.of(jar).toAbsolutePath().getParent().getParent().getParent().resolve("bin/jvm.options");
        try {
            return Files.readAllLines(options).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the servers' JVM options from " + options, e);
        }
    }

    /** Stops every server with SIGTERM, as a user would, and waits for them to exit. */
    void stopGracefully() throws InterruptedException {
        for (Server s : servers) {
            s.process.destroy();
        }
        for (Server s : servers) {
            if (!s.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                s.process.destroyForcibly();
            }
        }
    }

    Server start(String name, int httpPort, List<String> agentArgs) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(agentArgs);
        try {
            File log = dir.resolve(name + ".log").toFile();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            return new Server(name, "127.0.0.1:" + httpPort, p, cmd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Server s : servers) {
            s.process.destroyForcibly();
        }
        for (Server s : servers) {
            try {
                s.process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    record Server(String name, String httpAddress, Process process, List<String> command) {
    }
}

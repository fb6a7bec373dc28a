package io.drover.cluster.fault;

import io.drover.cluster.Api;
import io.drover.cluster.ServerProcess;
import io.drover.testkit.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Three servers, each its own JVM from the packaged jar, wired so that the test can break what
 * real servers meet: every server binds its Raft and gRPC ports but advertises ports of a
 * {@link ProxyNetwork}, so all traffic between servers crosses links the test can cut one way or
 * both. Node agents and API clients reach the servers directly. Servers are killed, stopped,
 * paused and started again on the same data dirs and ports.
 */
final class FaultCluster implements AutoCloseable {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Path home;
    private final ProxyNetwork network = new ProxyNetwork();
    private final List<ServerProcess> servers = new ArrayList<>();

    /** @param extraArgs agent flags every server gets (a snapshot threshold, say) */
    FaultCluster(Path jar, int size, List<String> extraArgs) {
        try {
            home = Files.createTempDirectory("drover-faults-");
            List<int[]> real = new ArrayList<>();
            List<String> advertisedRaft = new ArrayList<>();
            List<Integer> advertisedGrpc = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int[] ports = FreePorts.take(3);
                real.add(ports);
                advertisedRaft.add("127.0.0.1:" + network.expose(name(i), ports[1]));
                advertisedGrpc.add(network.expose(name(i), ports[2]));
            }
            for (int i = 0; i < size; i++) {
                Path dir = Files.createDirectories(home.resolve(name(i)));
                Path config = Files.writeString(dir.resolve("advertise.json"), "{\"advertise\": {\"rpc\": \""
                        + advertisedRaft.get(i) + "\", \"serf\": \"127.0.0.1:" + advertisedGrpc.get(i) + "\"}}");
                List<String> args = new ArrayList<>(List.of("-config", config.toString()));
                args.addAll(extraArgs);
                int[] p = real.get(i);
                servers.add(new ServerProcess(jar, name(i), new ServerProcess.Ports(p[0], p[1], p[2]),
                        advertisedRaft.get(i), advertisedRaft, dir, args));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private static String name(int i) {
        return "server" + i;
    }

    List<ServerProcess> servers() {
        return List.copyOf(servers);
    }

    ProxyNetwork network() {
        return network;
    }

    Path home() {
        return home;
    }

    /** Starts a server (again), telling the network which process it now is. */
    void start(ServerProcess s) {
        s.start();
        network.register(s.name(), s.pid());
    }

    void startAll() {
        servers.forEach(this::start);
    }

    /** Starts every server that is not running. */
    void startStopped() {
        for (ServerProcess s : servers) {
            if (!s.isRunning()) {
                start(s);
            }
        }
    }

    /** The gRPC addresses node agents use: the servers' own ports, not the proxies. */
    List<String> grpcAddresses() {
        return servers.stream().map(ServerProcess::grpcAddress).toList();
    }

    /**
     * The leader, if every running server names the same one and it calls itself leader; empty
     * while they disagree, or while any running server does not answer.
     */
    Optional<ServerProcess> agreedLeader() {
        String named = null;
        for (ServerProcess s : servers) {
            if (!s.isRunning()) {
                continue;
            }
            try {
                Api.Answer a = s.api().get("/v1/status/leader", PROBE_TIMEOUT);
                String leader = a.status() == 200 ? a.json().asText() : "";
                if (leader.isEmpty() || (named != null && !named.equals(leader))) {
                    return Optional.empty();
                }
                named = leader;
            } catch (RuntimeException noAnswer) {
                return Optional.empty();
            }
        }
        String address = named;
        return servers.stream().filter(s -> s.isRunning() && s.raftAddress().equals(address))
                .filter(s -> "Leader".equals(raftState(s))).findFirst();
    }

    /** {@code stats.raft.state} of {@code /v1/agent/self}, or "" if it does not answer. */
    static String raftState(ServerProcess s) {
        try {
            Api.Answer self = s.api().get("/v1/agent/self", PROBE_TIMEOUT);
            return self.status() == 200 ? self.json().path("stats").path("raft").path("state").asText() : "";
        } catch (RuntimeException noAnswer) {
            return "";
        }
    }

    /** Every server's log tail, for a failure report. */
    String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        for (ServerProcess s : servers) {
            out.append("----- ").append(s).append(" (").append(s.state()).append("), last log lines -----\n")
                    .append(s.logTail(lines));
        }
        return out.toString();
    }

    /** Copies every server's log into {@code dir}. */
    void keepLogs(Path dir) {
        try {
            Files.createDirectories(dir);
            for (ServerProcess s : servers) {
                s.copyLogTo(dir);
            }
        } catch (IOException e) {
            System.out.println("[faults] could not keep the server logs: " + e);
        }
    }

    @Override
    public void close() {
        for (ServerProcess s : servers) {
            try {
                if (s.isRunning()) {
                    s.resume();
                }
            } catch (RuntimeException ignored) {
                // it may have exited meanwhile
            }
            s.kill();
        }
        network.close();
        if (home != null) {
            try (Stream<Path> walk = Files.walk(home)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                System.out.println("[faults] could not remove " + home + ": " + e);
            }
        }
    }
}

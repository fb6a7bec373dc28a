package io.drover.cluster.fault;

import io.drover.testkit.process.AgentLauncher;
import io.drover.testkit.process.Leaders;
import io.drover.testkit.process.ServerGroup;
import io.drover.testkit.process.ServerPorts;
import io.drover.testkit.process.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Three servers, each its own JVM from the packaged jar, wired so that the test can break what
 * real servers meet: every server binds its Raft and gRPC ports but advertises ports of a
 * {@link ProxyNetwork}, so all traffic between servers crosses links the test can cut one way or
 * both. Node agents and API clients reach the servers directly. Servers are killed, stopped,
 * paused and started again on the same data dirs and ports.
 */
final class FaultCluster implements AutoCloseable {
    private final ServerGroup group = ServerGroup.inTempDir("drover-faults-");
    private final ProxyNetwork network = new ProxyNetwork();

    /** @param extraArgs agent flags every server gets (a snapshot threshold, say) */
    FaultCluster(AgentLauncher launcher, int size, List<String> extraArgs) {
        try {
            List<ServerPorts> real = new ArrayList<>();
            List<String> advertisedRaft = new ArrayList<>();
            List<Integer> advertisedGrpc = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ServerPorts ports = ServerPorts.free();
                real.add(ports);
                advertisedRaft.add("127.0.0.1:" + network.expose(name(i), ports.raft()));
                advertisedGrpc.add(network.expose(name(i), ports.grpc()));
            }
            for (int i = 0; i < size; i++) {
                Path dir = group.dir(name(i));
                Path config = Files.writeString(dir.resolve("advertise.json"), "{\"advertise\": {\"rpc\": \""
                        + advertisedRaft.get(i) + "\", \"serf\": \"127.0.0.1:" + advertisedGrpc.get(i) + "\"}}");
                List<String> args = new ArrayList<>(List.of("-config", config.toString()));
                args.addAll(extraArgs);
                group.add(ServerProcess.server(launcher, name(i), real.get(i), advertisedRaft.get(i), advertisedRaft,
                        dir, args));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static String name(int i) {
        return "server" + i;
    }

    List<ServerProcess> servers() {
        return group.servers();
    }

    ProxyNetwork network() {
        return network;
    }

    Path home() {
        return group.home();
    }

    /** Starts a server (again), telling the network which process it now is. */
    void start(ServerProcess s) {
        s.start();
        network.register(s.name(), s.pid());
    }

    void startAll() {
        servers().forEach(this::start);
    }

    /** Starts every server that is not running. */
    void startStopped() {
        for (ServerProcess s : servers()) {
            if (!s.isRunning()) {
                start(s);
            }
        }
    }

    /** The gRPC addresses node agents use: the servers' own ports, not the proxies. */
    List<String> grpcAddresses() {
        return servers().stream().map(ServerProcess::grpcAddress).toList();
    }

    /**
     * The leader, if every running server names the same one and it calls itself leader; empty
     * while they disagree, or while any running server does not answer.
     */
    Optional<ServerProcess> agreedLeader() {
        try {
            return Leaders.agreed(servers());
        } catch (RuntimeException noAnswer) {
            return Optional.empty();
        }
    }

    /** {@code stats.raft.state} of {@code /v1/agent/self}, or "" if it does not answer. */
    static String raftState(ServerProcess s) {
        try {
            return Leaders.raftState(s);
        } catch (RuntimeException noAnswer) {
            return "";
        }
    }

    /** Every server's log tail, for a failure report. */
    String logTails(int lines) {
        return group.logTails(lines);
    }

    /** Copies every server's log into {@code dir}. */
    void keepLogs(Path dir) {
        try {
            group.copyLogsTo(dir);
        } catch (IOException e) {
            System.out.println("[faults] could not keep the server logs: " + e);
        }
    }

    @Override
    public void close() {
        for (ServerProcess s : servers()) {
            try {
                if (s.isRunning()) {
                    s.resume();
                }
            } catch (RuntimeException ignored) {
                // it may have exited meanwhile
            }
        }
        group.close();
        network.close();
    }
}

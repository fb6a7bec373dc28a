package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.server.config.AgentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that cannot bind one of its listeners says which: the listener, its address and port,
 * and the flag and config key that set them.
 */
class ListenerTest {
    @TempDir
    Path dir;

    @Test
    void aTakenPortIsRefusedNamingTheListenerItsAddressAndWhatSetsThem() throws Exception {
        AgentConfig config = TestAgents.devConfig(dir).build();
        try (ServerSocket taken = listenOn(config.httpPort())) {
            assertThatThrownBy(() -> Listener.http(config).ensureFree()).isInstanceOf(Listener.BindFailure.class)
                    .hasMessage("the HTTP API cannot listen on 127.0.0.1:" + config.httpPort()
                            + " (address set by -bind or bind_addr, port by -http-port or ports.http): "
                            + "Address already in use");
            Listener.raft(config).ensureFree();
            Listener.grpc(config).ensureFree();
        }
        Listener.http(config).ensureFree();
    }

    @Test
    void eachListenerNamesItsOwnFlagAndKey() {
        AgentConfig config = TestAgents.devConfig(dir).build();

        assertThat(Listener.of(config)).extracting(Listener::what, Listener::portFlag, Listener::portKey, Listener::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("the HTTP API", "-http-port", "ports.http",
                                config.httpPort()),
                        org.assertj.core.groups.Tuple.tuple("Raft", "-rpc-port", "ports.rpc", config.rpcPort()),
                        org.assertj.core.groups.Tuple.tuple("gRPC (servers and nodes)", "-serf-port", "ports.serf",
                                config.serfPort()));
    }

    @Test
    void aBindFailureWrappedByTheListenerIsNamedToo() {
        Listener grpc = new Listener("gRPC (servers and nodes)", "-serf-port", "ports.serf", "127.0.0.1", 4648);
        // As gRPC reports it: its own words around Netty's around the kernel's.
        RuntimeException wrapped = new UncheckedIOException("cannot listen for gRPC on 127.0.0.1:4648",
                new IOException("Failed to bind to address /127.0.0.1:4648",
                        new IOException("bind(..) failed with error(-98): Address already in use")));

        assertThatThrownBy(() -> grpc.start(() -> {
            throw wrapped;
        })).isInstanceOf(Listener.BindFailure.class).hasMessage("gRPC (servers and nodes) cannot listen on "
                + "127.0.0.1:4648 (address set by -bind or bind_addr, port by -serf-port or ports.serf): "
                + "Address already in use");
    }

    @Test
    void otherStartFailuresPassThrough() {
        Listener http = new Listener("the HTTP API", "-http-port", "ports.http", "127.0.0.1", 4646);
        IllegalStateException other = new IllegalStateException("gateway already started or closed");

        assertThatThrownBy(() -> http.start(() -> {
            throw other;
        })).isSameAs(other);
    }

    @Test
    void anAgentWhosePortIsTakenSaysWhichAndStartsNothing() throws Exception {
        for (String listener : new String[] {"http", "raft", "grpc"}) {
            AgentConfig config = TestAgents.devConfig(dir.resolve(listener)).devNode(false).build();
            int port = switch (listener) {
                case "http" -> config.httpPort();
                case "raft" -> config.rpcPort();
                default -> config.serfPort();
            };
            String flag = switch (listener) {
                case "http" -> "-http-port or ports.http";
                case "raft" -> "-rpc-port or ports.rpc";
                default -> "-serf-port or ports.serf";
            };
            try (ServerSocket taken = listenOn(port)) {
                // Raft's port matters most: Ratis, failing to bind, would exit this JVM.
                assertThatThrownBy(() -> Agent.start(config).close()).as(listener)
                        .isInstanceOf(Listener.BindFailure.class)
                        .hasMessageContaining("cannot listen on 127.0.0.1:" + port)
                        .hasMessageContaining("port by " + flag)
                        .hasMessageEndingWith("Address already in use")
                        .hasCauseInstanceOf(BindException.class);
            }
            assertThat(dir.resolve(listener).resolve("server")).as("nothing was opened").doesNotExist();
        }
    }

    private static ServerSocket listenOn(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        return s;
    }
}

package io.drover.cluster.fault;

import static io.drover.cluster.fault.ProxyNetwork.EXTERNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drover.cluster.fault.ProxyNetwork.Connection;
import io.drover.testkit.net.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy network with real processes: separate processes ({@link ShellClient}) connect
 * through the proxy of an echo server standing for server "t"; the network must tell them apart
 * by their PIDs, through {@code /proc}, and cut each one's links on its own.
 */
class ProxyNetworkProcessesTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private ProxyNetwork network;
    private int echoPort;
    private int port;

    @BeforeEach
    void startNetwork() throws IOException {
        assumeTrue(ProcNetTcp.system().isAvailable(), "needs Linux's /proc");
        network = new ProxyNetwork();
        EchoServer echo = new EchoServer(FreePorts.take());
        closeables.add(echo);
        echoPort = echo.port();
        port = network.expose("t", echoPort);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (network != null) {
            network.close();
        }
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    @Test
    void eachConnectionIsAttributedToTheRegisteredProcessThatOpenedIt() throws IOException {
        ShellClient a = client("a");
        ShellClient b = client("b");
        ShellClient stranger = started(ShellClient.start(dir, port));

        assertThat(a.open()).isEqualTo("opened");
        assertThat(a.send("from-a")).isEqualTo("reply from-a");
        assertThat(b.open()).isEqualTo("opened");
        assertThat(b.send("from-b")).isEqualTo("reply from-b");
        assertThat(stranger.open()).isEqualTo("opened");
        assertThat(stranger.send("from-stranger")).isEqualTo("reply from-stranger");
        Socket ours = new Socket(InetAddress.getLoopbackAddress(), port);
        closeables.add(ours);
        ours.setSoTimeout(3_000);
        assertThat(Peers.roundTrip(ours, "from-test")).isEqualTo(Peers.Outcome.ECHOED);

        assertThat(network.connections()).extracting(Connection::from)
                .containsExactlyInAnyOrder("a", "b", EXTERNAL, EXTERNAL);
        assertThat(network.connections()).extracting(Connection::to).containsOnly("t");
        assertThat(network.connections()).filteredOn(c -> c.clientPort() == ours.getLocalPort())
                .extracting(Connection::from).containsExactly(EXTERNAL);
    }

    @Test
    void aCutStopsOneProcessesTrafficAndRefusesItsNewConnectionsWhileOthersFlow() throws IOException {
        ShellClient a = client("a");
        ShellClient b = client("b");
        a.open();
        b.open();
        Socket ours = new Socket(InetAddress.getLoopbackAddress(), port);
        closeables.add(ours);
        ours.setSoTimeout(3_000);
        assertThat(List.of(a.send("1"), b.send("1"))).containsExactly("reply 1", "reply 1");

        network.cut("a", "t");

        assertThat(a.send("2")).as("a's open connection").isEqualTo("lost");
        assertThat(b.send("2")).as("b's open connection").isEqualTo("reply 2");
        assertThat(Peers.roundTrip(ours, "2")).as("the test's own connection").isEqualTo(Peers.Outcome.ECHOED);
        a.open();
        assertThat(a.send("3")).as("a's new connection").isEqualTo("lost");
        b.open();
        assertThat(b.send("3")).as("b's new connection").isEqualTo("reply 3");
        assertThat(network.connections()).extracting(Connection::from).doesNotContain("a");

        network.healAll();

        assertThat(a.send("4")).as("a's refused connection stays dead").isEqualTo("lost");
        a.open();
        assertThat(a.send("5")).as("a reconnects once healed").isEqualTo("reply 5");
        assertThat(network.connections()).extracting(Connection::from).contains("a", "b");
    }

    @Test
    void connectionsOfARegisteredProcesssDescendantsAreItsOwn() {
        ShellClient parent = started(ShellClient.startAsChild(dir, port));
        network.register("a", parent.pid());
        assertThat(parent.open()).isEqualTo("opened");
        assertThat(parent.send("hi")).isEqualTo("reply hi");

        assertThat(network.connections()).extracting(Connection::from).containsExactly("a");

        network.cut("a", "t");
        assertThat(parent.send("again")).isEqualTo("lost");
    }

    @Test
    void aRestartedProcessIsKnownByItsNewPidOnceRegisteredAndTheCutFollowsIt() {
        ShellClient first = client("a");
        first.open();
        assertThat(first.send("1")).isEqualTo("reply 1");
        network.cut("a", "t");
        first.close();

        ShellClient second = client("a"); // the same server, restarted: registered anew
        second.open();
        assertThat(second.send("2")).as("still cut").isEqualTo("lost");
        network.heal("a", "t");
        second.open();
        assertThat(second.send("3")).isEqualTo("reply 3");

        assertThat(network.connections()).extracting(Connection::from).containsExactly("a");
    }

    @Test
    void theServerBehindTheProxyCanGoDownAndComeBack() throws Exception {
        ShellClient a = client("a");
        a.open();
        assertThat(a.send("1")).isEqualTo("reply 1");
        closeables.remove(0).close(); // the echo server, with its connections

        assertThat(a.send("2")).isEqualTo("lost");
        a.open();
        assertThat(a.send("3")).as("while it is down").isEqualTo("lost");

        closeables.add(new EchoServer(echoPort));
        a.open();
        assertThat(a.send("4")).as("back, at the same advertised port").isEqualTo("reply 4");
    }

    private ShellClient client(String server) {
        ShellClient c = started(ShellClient.start(dir, port));
        network.register(server, c.pid());
        return c;
    }

    private ShellClient started(ShellClient c) {
        closeables.add(c);
        return c;
    }
}

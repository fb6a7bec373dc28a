package io.drover.cluster.fault;

import static io.drover.cluster.fault.Peers.Outcome.CLOSED;
import static io.drover.cluster.fault.Peers.Outcome.ECHOED;
import static io.drover.cluster.fault.ProxyNetwork.EXTERNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.drover.cluster.fault.ProxyNetwork.Connection;
import io.drover.cluster.fault.ProxyNetwork.Link;
import io.drover.testkit.await.Await;
import io.drover.testkit.net.FreePorts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cutting and healing directed links between servers, with real sockets in this JVM: three echo
 * servers x, y, z stand for servers' ports, and connections are attributed to a server by
 * {@link Peers} (the real attribution through {@code /proc} is tested with real processes in
 * {@link ProxyNetworkProcessesTest}).
 */
class ProxyNetworkTest {
    private final Peers peers = new Peers();
    private final ProxyNetwork network = new ProxyNetwork(peers);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<String, EchoServer> echoes = new HashMap<>();

    @AfterEach
    void closeAll() throws Exception {
        network.close();
        peers.close();
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    @Test
    void aCutLinkResetsAndRefusesOnlyTheConnectionsItsSourceOpened() throws IOException {
        int x = expose("x");
        int y = expose("y");
        Socket xToY = peers.connect("x", y);
        Socket yToX = peers.connect("y", x);
        Socket externalToY = peers.connect(EXTERNAL, y);
        assertThat(List.of(roundTrip(xToY), roundTrip(yToX), roundTrip(externalToY))).containsOnly(ECHOED);
        assertThat(network.connections()).extracting(Connection::from, Connection::to)
                .containsExactlyInAnyOrder(tuple("x", "y"), tuple("y", "x"), tuple(EXTERNAL, "y"));

        network.cut("x", "y");

        assertThat(roundTrip(xToY)).as("x's open connection to y").isEqualTo(CLOSED);
        int acceptedByY = echoOf("y").accepted();
        assertThat(fresh("x", y)).as("a new connection from x to y").isEqualTo(CLOSED);
        assertThat(echoOf("y").accepted()).as("y never sees it").isEqualTo(acceptedByY);
        assertThat(roundTrip(yToX)).as("y's connection to x").isEqualTo(ECHOED);
        assertThat(fresh("y", x)).as("a new one from y to x").isEqualTo(ECHOED);
        assertThat(roundTrip(externalToY)).as("the test's own connection to y").isEqualTo(ECHOED);
        assertThat(network.connections()).extracting(Connection::from, Connection::to).doesNotContain(tuple("x", "y"));
        assertThat(network.cuts()).containsExactly(new Link("x", "y"));

        network.heal("x", "y");

        assertThat(fresh("x", y)).as("x reconnects to y").isEqualTo(ECHOED);
        assertThat(network.cuts()).isEmpty();
    }

    @Test
    void cutBothSeversBothDirections() throws IOException {
        int x = expose("x");
        int y = expose("y");

        network.cutBoth("x", "y");

        assertThat(network.cuts()).containsExactlyInAnyOrder(new Link("x", "y"), new Link("y", "x"));
        assertThat(fresh("x", y)).isEqualTo(CLOSED);
        assertThat(fresh("y", x)).isEqualTo(CLOSED);
        assertThat(fresh(EXTERNAL, x)).isEqualTo(ECHOED);
    }

    @Test
    void anIsolatedServerNeitherReachesNorIsReachedByTheOthersWhoStillReachEachOther() throws IOException {
        int x = expose("x");
        int y = expose("y");
        int z = expose("z");

        network.isolate("x");

        assertThat(network.cuts()).containsExactlyInAnyOrder(new Link("x", "y"), new Link("y", "x"),
                new Link("x", "z"), new Link("z", "x"));
        assertThat(fresh("x", y)).isEqualTo(CLOSED);
        assertThat(fresh("z", x)).isEqualTo(CLOSED);
        assertThat(fresh("y", z)).isEqualTo(ECHOED);
        assertThat(fresh("z", y)).isEqualTo(ECHOED);
        assertThat(fresh(EXTERNAL, x)).as("clients still reach it").isEqualTo(ECHOED);

        network.healAll();

        assertThat(fresh("x", y)).isEqualTo(ECHOED);
        assertThat(fresh("z", x)).isEqualTo(ECHOED);
    }

    @Test
    void externalConnectionsCanBeCutOnTheirOwn() throws IOException {
        int y = expose("y");
        expose("x");
        Socket external = peers.connect(EXTERNAL, y);
        assertThat(roundTrip(external)).isEqualTo(ECHOED);

        network.cut(EXTERNAL, "y");

        assertThat(roundTrip(external)).isEqualTo(CLOSED);
        assertThat(fresh(EXTERNAL, y)).isEqualTo(CLOSED);
        assertThat(fresh("x", y)).isEqualTo(ECHOED);
    }

    @Test
    void aServerThatIsDownIsRefusedAtOnceAndReachedAgainAtTheSamePortWhenBack() throws IOException {
        int realPort = FreePorts.take();
        int advertised = network.expose("x", realPort);

        long start = System.nanoTime();
        assertThat(fresh("y", advertised)).isEqualTo(CLOSED);
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to learn it is down").isLessThan(1_000);

        try (EchoServer restarted = new EchoServer(realPort)) {
            assertThat(fresh("y", advertised)).isEqualTo(ECHOED);
        }
        assertThat(fresh("y", advertised)).as("down again").isEqualTo(CLOSED);
        try (EchoServer again = new EchoServer(realPort)) {
            assertThat(fresh("y", advertised)).isEqualTo(ECHOED);
        }
    }

    @Test
    void aServerGoingDownClosesTheConnectionsToIt() throws IOException {
        int realPort = FreePorts.take();
        int advertised = network.expose("x", realPort);
        Socket s;
        try (EchoServer server = new EchoServer(realPort)) {
            s = peers.connect("y", advertised);
            assertThat(roundTrip(s)).isEqualTo(ECHOED);
        }

        assertThat(roundTrip(s)).isEqualTo(CLOSED);
        assertThat(network.connections()).hasSize(1); // half-closed: the client may still send
        s.close(); // as a client does on end of stream

        Await.until("the network lets go of every connection", Duration.ofSeconds(5), () -> network.connections().isEmpty());
    }

    @Test
    void closingTheNetworkStopsListeningAndResetsEveryConnection() throws IOException {
        int x = expose("x");
        Socket s = peers.connect("y", x);
        assertThat(roundTrip(s)).isEqualTo(ECHOED);

        network.close();

        assertThat(roundTrip(s)).isEqualTo(CLOSED);
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), x).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void namesAreChecked() throws IOException {
        expose("x");
        network.register("y", ProcessHandle.current().pid());

        assertThatThrownBy(() -> network.cut("x", "nobody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown server nobody");
        assertThatThrownBy(() -> network.cut("nobody", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network.cut("x", EXTERNAL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network.cut("x", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network.register(EXTERNAL, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(network.servers()).isEqualTo(Set.of("x", "y"));
        network.cut("y", "x");
        assertThat(network.cuts()).containsExactly(new Link("y", "x"));
    }

    private int expose(String server) throws IOException {
        EchoServer echo = new EchoServer(0);
        closeables.add(echo);
        echoes.put(server, echo);
        return network.expose(server, echo.port());
    }

    private EchoServer echoOf(String server) {
        return echoes.get(server);
    }

    private Peers.Outcome fresh(String source, int port) {
        return peers.roundTripOnNewConnection(source, port, "ping");
    }

    private static Peers.Outcome roundTrip(Socket s) {
        return Peers.roundTrip(s, "ping");
    }
}

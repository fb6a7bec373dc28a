package io.drover.cluster.fault;

import io.drover.testkit.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between servers on one host, made of {@link LinkProxy}s so a test can partition
 * it. Each server binds its ports (Raft, gRPC) at real ports but advertises to its peers the
 * ports {@link #expose} returns; the proxy behind each forwards to the real port. Every
 * connection is attributed, when accepted, to the server whose process opened it (found through
 * {@code /proc}: see {@link ProcConnectionAttributor}), or to {@link #EXTERNAL} (the test JVM,
 * any process not registered).
 *
 * <p>Invariant: while the directed link (A, B) is cut, no connection that A opened to a port of
 * B is open through this network: {@link #cut} resets those open and every later one is reset
 * when accepted, while connections B opened to A, and everything else, flow. A directed cut is
 * about who opened the connection, not which way bytes go: a connection A opened to B carries
 * B's answers too, and dies with it. Cuts reset connections (as a failed route does), they do
 * not silently drop packets.
 *
 * <p>Ports stay the same for the network's life: a restarted server is reached again at the
 * same advertised ports, once it is {@link #register registered} with its new PID (do that right
 * after starting it, before it can open connections: a connection is attributed once, when
 * accepted). Logs nothing. Needs Linux's {@code /proc}: the constructor fails otherwise.
 */
public final class ProxyNetwork implements AutoCloseable {
    /** The source of connections opened by no registered server (the test JVM, a node agent). */
    public static final String EXTERNAL = "external";
    static final int MAX_CONNECTIONS_PER_PORT = 64;
    private static final int BIND_ATTEMPTS = 5;

    /** A directed link: connections {@code from} opens to {@code to}'s ports. */
    public record Link(String from, String to) {
        public Link {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return from + "->" + to;
        }
    }

    /** A connection open through the network: who opened it, to which server, from which port. */
    public record Connection(String from, String to, int clientPort) {
    }

    private final ConnectionAttributor attributor;
    private final Map<String, Long> processes = new ConcurrentHashMap<>();
    private final Set<String> servers = ConcurrentHashMap.newKeySet();
    private final Set<Link> cuts = ConcurrentHashMap.newKeySet();
    private final List<LinkProxy> proxies = new CopyOnWriteArrayList<>();

    /** A network attributing connections through {@code /proc}; fails if it is not readable. */
    public ProxyNetwork() {
        this(ProcConnectionAttributor.system());
    }

    ProxyNetwork(ConnectionAttributor attributor) {
        this.attributor = Objects.requireNonNull(attributor);
    }

    /**
     * Starts forwarding a free port (see {@link FreePorts}) to {@code server}'s port
     * {@code realPort} on 127.0.0.1, and returns it: the port to advertise for that server. The
     * server need not be up yet.
     */
    public synchronized int expose(String server, int realPort) {
        checkName(server);
        for (int attempt = 1; ; attempt++) {
            int port = FreePorts.take();
            try {
                LinkProxy proxy = new LinkProxy(server, port, realPort,
                        s -> attributor.sourceOf(s, Map.copyOf(processes)),
                        source -> cuts.contains(new Link(source, server)), MAX_CONNECTIONS_PER_PORT);
                proxies.add(proxy);
                servers.add(server);
                return port;
            } catch (BindException e) {
                if (attempt == BIND_ATTEMPTS) {
                    throw new UncheckedIOException("no port to listen on for " + server, e);
                }
                // taken by another process since FreePorts checked it: take another
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen for " + server, e);
            }
        }
    }

    /**
     * Connections opened from now on by process {@code pid}, or its descendants, are
     * {@code server}'s. Call it after each (re)start; the previous PID is forgotten.
     */
    public void register(String server, long pid) {
        checkName(server);
        servers.add(server);
        processes.put(server, pid);
    }

    /** Cuts the directed link: resets every connection {@code from} opened to {@code to}, and refuses new ones. */
    public void cut(String from, String to) {
        checkKnown(from, true);
        checkKnown(to, false);
        if (from.equals(to)) {
            throw new IllegalArgumentException("a server's connections to itself do not go through the network: " + from);
        }
        cuts.add(new Link(from, to));
        for (LinkProxy p : proxies) {
            if (p.target().equals(to)) {
                p.dropFrom(from);
            }
        }
    }

    /** Cuts both directions between {@code a} and {@code b}. */
    public void cutBoth(String a, String b) {
        cut(a, b);
        cut(b, a);
    }

    /** Cuts {@code server} off from every other server both ways; external connections still reach it. */
    public void isolate(String server) {
        checkKnown(server, false);
        for (String other : servers) {
            if (!other.equals(server)) {
                cutBoth(server, other);
            }
        }
    }

    /** Lets {@code from} connect to {@code to} again (its clients reconnect on their own). */
    public void heal(String from, String to) {
        cuts.remove(new Link(from, to));
    }

    /** Removes every cut. */
    public void healAll() {
        cuts.clear();
    }

    /** The links cut now. */
    public Set<Link> cuts() {
        return Set.copyOf(cuts);
    }

    /** Every connection open through the network now, with who opened it. */
    public List<Connection> connections() {
        List<Connection> out = new ArrayList<>();
        proxies.forEach(p -> out.addAll(p.connections()));
        return out;
    }

    /** The servers registered or exposed. */
    public Set<String> servers() {
        return new TreeSet<>(servers);
    }

    /** Stops every proxy and resets every connection through them. */
    @Override
    public void close() {
        proxies.forEach(LinkProxy::close);
        proxies.clear();
    }

    @Override
    public String toString() {
        return "proxies " + proxies + ", processes " + processes + ", cut " + new TreeSet<>(cuts.stream().map(Link::toString).toList());
    }

    private static void checkName(String server) {
        Objects.requireNonNull(server, "server");
        if (server.equals(EXTERNAL) || server.isBlank()) {
            throw new IllegalArgumentException("not a server name: '" + server + "'");
        }
    }

    private void checkKnown(String name, boolean externalAllowed) {
        if (!servers.contains(name) && !(externalAllowed && EXTERNAL.equals(name))) {
            throw new IllegalArgumentException("unknown server " + name + "; known: " + servers());
        }
    }
}

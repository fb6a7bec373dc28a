package io.drover.model.resources;

import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.Resources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.GoZero;
import io.drover.model.node.Node;
import io.drover.model.node.PortRanges;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The network usage of one node (Nomad's {@code structs.NetworkIndex}): the node's networks
 * and bandwidth per device, and per IP address the ports taken by the node's reservations and
 * by existing allocations. It detects collisions while being filled and offers networks for new
 * asks. Not thread-safe: build one per node and placement attempt.
 *
 * <p>Dynamic ports are drawn from {@value #MIN_DYNAMIC_PORT}-{@value #MAX_DYNAMIC_PORT} with the
 * {@link Random} the caller passes, as Nomad draws them: up to {@value #MAX_RANDOM_ATTEMPTS}
 * random probes per port, then a precise pick among the free ports. The same seed, asks and
 * usage give the same ports.
 */
public final class NetworkIndex {
    public static final int MIN_DYNAMIC_PORT = 20000;
    public static final int MAX_DYNAMIC_PORT = 32000;
    static final int MAX_RANDOM_ATTEMPTS = 20;
    /** Ports are below this. */
    static final int MAX_VALID_PORT = 65536;

    public static final String ERR_NO_NETWORKS = "no networks available";
    public static final String ERR_BANDWIDTH_EXCEEDED = "bandwidth exceeded";
    public static final String ERR_RESERVED_PORT_COLLISION = "reserved port collision";
    public static final String ERR_DYNAMIC_PORT_SELECTION = "dynamic port selection failed";

    private final List<NetworkResource> availNetworks = new ArrayList<>();
    private final Map<String, Integer> availBandwidth = new LinkedHashMap<>();
    private final Map<String, BitSet> usedPorts = new LinkedHashMap<>();
    private final Map<String, Integer> usedBandwidth = new LinkedHashMap<>();

    /** The node's networks that have a device, in the node's order. */
    public List<NetworkResource> availableNetworks() {
        return availNetworks;
    }

    public int availableBandwidth(String device) {
        return availBandwidth.getOrDefault(device, 0);
    }

    public int usedBandwidth(String device) {
        return usedBandwidth.getOrDefault(device, 0);
    }

    /** Whether {@code port} is taken on {@code ip}. */
    public boolean isPortUsed(String ip, int port) {
        BitSet used = usedPorts.get(ip);
        return used != null && port >= 0 && port < MAX_VALID_PORT && used.get(port);
    }

    /** Nomad's Overcommitted: some device carries more bandwidth than it has. */
    public boolean overcommitted() {
        for (Map.Entry<String, Integer> e : usedBandwidth.entrySet()) {
            if (e.getValue() > availBandwidth.getOrDefault(e.getKey(), 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Nomad's SetNode: records the node's networks (from NodeResources, else the pre-0.9
     * Resources) and its reserved ports (ReservedHostPorts, on every network's IP, else the pre-0.9
     * Reserved networks). True if the reservations collide.
     */
    public boolean setNode(Node node) {
        List<NetworkResource> networks = null;
        if (node.nodeResources != null && node.nodeResources.networks != null && !node.nodeResources.networks.isEmpty()) {
            networks = node.nodeResources.networks;
        } else if (node.resources != null) {
            networks = node.resources.networks;
        }
        for (NetworkResource n : GoZero.list(networks)) {
            if (!GoZero.str(n.device).isEmpty()) {
                availNetworks.add(n);
                availBandwidth.put(n.device, GoZero.num(n.mbits));
            }
        }

        boolean collide = false;
        if (node.reservedResources != null && !GoZero.str(node.reservedResources.networks.reservedHostPorts).isEmpty()) {
            collide = addReservedPortRange(node.reservedResources.networks.reservedHostPorts);
        } else if (node.reserved != null) {
            for (NetworkResource n : GoZero.list(node.reserved.networks)) {
                if (addReserved(n)) {
                    collide = true;
                }
            }
        }
        return collide;
    }

    /**
     * Nomad's AddAllocs: records the networks of the non-terminal allocations: group networks
     * and each task's first network (pre-0.9 allocations: each task's first network). True if a
     * port is taken twice or is out of range.
     */
    public boolean addAllocs(List<Allocation> allocs) {
        boolean collide = false;
        for (Allocation a : allocs) {
            if (a.terminalStatus()) {
                continue;
            }
            if (a.allocatedResources != null) {
                for (NetworkResource n : GoZero.list(a.allocatedResources.shared.networks)) {
                    if (addReserved(n)) {
                        collide = true;
                    }
                }
                if (a.allocatedResources.tasks != null) {
                    for (AllocatedTaskResources t : a.allocatedResources.tasks.values()) {
                        if (t != null && t.networks != null && !t.networks.isEmpty() && addReserved(t.networks.get(0))) {
                            collide = true;
                        }
                    }
                }
            } else if (a.taskResources != null) {
                for (Resources r : a.taskResources.values()) {
                    if (r != null && r.networks != null && !r.networks.isEmpty() && addReserved(r.networks.get(0))) {
                        collide = true;
                    }
                }
            }
        }
        return collide;
    }

    /**
     * Nomad's AddReserved: marks a network's ports as used on its IP and adds its bandwidth to
     * its device. True on a collision; an out-of-range port returns true at once, leaving the
     * bandwidth uncounted, as in Nomad.
     */
    public boolean addReserved(NetworkResource n) {
        BitSet used = usedPorts.computeIfAbsent(GoZero.str(n.ip), ip -> new BitSet(MAX_VALID_PORT));
        boolean collide = false;
        for (List<Port> ports : List.of(GoZero.list(n.reservedPorts), GoZero.list(n.dynamicPorts))) {
            for (Port p : ports) {
                int v = GoZero.num(p.value);
                if (v < 0 || v >= MAX_VALID_PORT) {
                    return true;
                }
                if (used.get(v)) {
                    collide = true;
                } else {
                    used.set(v);
                }
            }
        }
        usedBandwidth.merge(GoZero.str(n.device), GoZero.num(n.mbits), Integer::sum);
        return collide;
    }

    /**
     * Nomad's AddReservedPortRange: marks ports (in {@link PortRanges} syntax) as used on every
     * IP known so far, including each node network's. True on a collision or an out-of-range
     * port; a malformed list reserves nothing and returns false.
     */
    public boolean addReservedPortRange(String ports) {
        List<Integer> reserved;
        try {
            reserved = PortRanges.parse(ports);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (NetworkResource n : availNetworks) {
            usedPorts.computeIfAbsent(GoZero.str(n.ip), ip -> new BitSet(MAX_VALID_PORT));
        }
        boolean collide = false;
        for (BitSet used : usedPorts.values()) {
            for (int p : reserved) {
                if (p < 0 || p >= MAX_VALID_PORT) {
                    return true;
                }
                if (used.get(p)) {
                    collide = true;
                } else {
                    used.set(p);
                }
            }
        }
        return collide;
    }

    /**
     * Nomad's AssignNetwork: the first address, walking each node network's CIDR in order, that
     * has the bandwidth and the reserved ports {@code ask} wants, with its dynamic ports picked
     * there. The offer copies the ask's ports (Nomad fills the ask's own): reserved ports as
     * asked, dynamic ports with values, and a {@code To} of -1 set to the host port. When no
     * address fits, the error is the reason the last address tried failed. {@code ask} is not
     * changed.
     */
    public Assignment assignNetwork(NetworkResource ask, Random random) {
        String error = ERR_NO_NETWORKS;
        int askMbits = GoZero.num(ask.mbits);
        for (NetworkResource n : availNetworks) {
            Cidr cidr = Cidr.parse(n.cidr);
            if (cidr == null) {
                continue;
            }
            String device = GoZero.str(n.device);
            if (usedBandwidth(device) + askMbits > availableBandwidth(device)) {
                // Nomad tries every address of the network; bandwidth is per device, so all fail alike.
                error = ERR_BANDWIDTH_EXCEEDED;
                continue;
            }
            for (byte[] ip = cidr.first(); ip != null; ip = cidr.next(ip)) {
                String ipStr = Cidr.format(ip);
                BitSet used = usedPorts.get(ipStr);
                String portError = checkReservedPorts(ask, used);
                if (portError != null) {
                    error = portError;
                    continue;
                }
                int[] dynamic = dynamicPortsStochastic(used, ask, random);
                if (dynamic == null) {
                    dynamic = dynamicPortsPrecise(used, ask, random);
                }
                if (dynamic == null) {
                    error = ERR_DYNAMIC_PORT_SELECTION;
                    continue;
                }
                return new Assignment(offer(ask, device, ipStr, dynamic), null);
            }
        }
        return new Assignment(null, error);
    }

    /** The outcome of {@link #assignNetwork}: an offered network, or the reason there is none. */
    public record Assignment(NetworkResource offer, String error) {
        public boolean ok() {
            return offer != null;
        }
    }

    private static String checkReservedPorts(NetworkResource ask, BitSet used) {
        for (Port p : GoZero.list(ask.reservedPorts)) {
            int v = GoZero.num(p.value);
            if (v < 0 || v >= MAX_VALID_PORT) {
                return "invalid port " + v + " (out of range)";
            }
            if (used != null && used.get(v)) {
                return ERR_RESERVED_PORT_COLLISION;
            }
        }
        return null;
    }

    private static NetworkResource offer(NetworkResource ask, String device, String ip, int[] dynamic) {
        NetworkResource offer = new NetworkResource();
        offer.mode = GoZero.str(ask.mode);
        offer.device = device;
        offer.cidr = "";
        offer.ip = ip;
        offer.mbits = GoZero.num(ask.mbits);
        NetworkResource ports = ask.copy();
        offer.reservedPorts = ports.reservedPorts;
        offer.dynamicPorts = ports.dynamicPorts;
        for (int i = 0; i < dynamic.length; i++) {
            Port p = offer.dynamicPorts.get(i);
            p.value = dynamic[i];
            if (p.to != null && p.to == -1) {
                p.to = dynamic[i];
            }
        }
        return offer;
    }

    /** Nomad's getDynamicPortsStochastic: random probes, at most {@value #MAX_RANDOM_ATTEMPTS} per port; null if they run out. */
    private static int[] dynamicPortsStochastic(BitSet used, NetworkResource ask, Random random) {
        List<Port> asked = GoZero.list(ask.dynamicPorts);
        List<Integer> reserved = new ArrayList<>();
        for (Port p : GoZero.list(ask.reservedPorts)) {
            reserved.add(GoZero.num(p.value));
        }
        int[] picked = new int[asked.size()];
        for (int i = 0; i < picked.length; i++) {
            int attempts = 0;
            while (true) {
                attempts++;
                if (attempts > MAX_RANDOM_ATTEMPTS) {
                    return null;
                }
                int port = MIN_DYNAMIC_PORT + random.nextInt(MAX_DYNAMIC_PORT - MIN_DYNAMIC_PORT);
                if (used != null && used.get(port) || reserved.contains(port) || contains(picked, i, port)) {
                    continue;
                }
                picked[i] = port;
                break;
            }
        }
        return picked;
    }

    /**
     * Nomad's getDynamicPortsPrecise: every free port of {@value #MIN_DYNAMIC_PORT} to
     * {@value #MAX_DYNAMIC_PORT} inclusive (the random probes never reach the top one), shuffled
     * just enough to pick from; null if too few are free.
     */
    private static int[] dynamicPortsPrecise(BitSet used, NetworkResource ask, Random random) {
        BitSet taken = used == null ? new BitSet(MAX_VALID_PORT) : (BitSet) used.clone();
        for (Port p : GoZero.list(ask.reservedPorts)) {
            taken.set(GoZero.num(p.value));
        }
        List<Integer> available = new ArrayList<>();
        for (int p = MIN_DYNAMIC_PORT; p <= MAX_DYNAMIC_PORT; p++) {
            if (!taken.get(p)) {
                available.add(p);
            }
        }
        int wanted = GoZero.list(ask.dynamicPorts).size();
        if (available.size() < wanted) {
            return null;
        }
        for (int i = 0; i < wanted; i++) {
            int j = random.nextInt(available.size());
            Integer swap = available.get(i);
            available.set(i, available.get(j));
            available.set(j, swap);
        }
        int[] out = new int[wanted];
        for (int i = 0; i < wanted; i++) {
            out[i] = available.get(i);
        }
        return out;
    }

    private static boolean contains(int[] values, int count, int v) {
        for (int i = 0; i < count; i++) {
            if (values[i] == v) {
                return true;
            }
        }
        return false;
    }
}

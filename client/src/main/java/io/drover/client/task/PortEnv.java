package io.drover.client.task;

import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The port variables of one task, as Nomad's {@code taskenv} derives them from the allocation's
 * {@code AllocatedResources}:
 * <ul>
 *   <li>the task's own networks: {@code NOMAD_IP_<label>}, {@code NOMAD_PORT_<label>},
 *       {@code NOMAD_HOST_PORT_<label>} and {@code NOMAD_ADDR_<label>} ({@code ip:port});
 *       without a driver port map the task's port is the host's;</li>
 *   <li>the other tasks' networks, always with host values:
 *       {@code NOMAD_{ADDR,IP,PORT}_<task>_<label>};</li>
 *   <li>the group's shared networks: {@code NOMAD_PORT_<label>} (the port's {@code To} when
 *       it maps one, else the host port) and {@code NOMAD_HOST_PORT_<label>}. These come last
 *       and win over the task's own, as in Nomad.</li>
 * </ul>
 * Names are made safe for the environment (anything but letters, digits and {@code _} becomes
 * {@code _}), as Nomad cleans keys with these prefixes.
 */
final class PortEnv {
    static final String ADDR = "NOMAD_ADDR_";
    static final String IP = "NOMAD_IP_";
    static final String PORT = "NOMAD_PORT_";
    static final String HOST_PORT = "NOMAD_HOST_PORT_";
    private static final Pattern NOT_ENV_SAFE = Pattern.compile("[^A-Za-z0-9_]");

    private PortEnv() {
    }

    /** The port variables of {@code taskName}, in the order Nomad sets them. */
    static Map<String, String> of(Allocation alloc, String taskName) {
        Map<String, String> env = new LinkedHashMap<>();
        AllocatedResources resources = alloc.allocatedResources;
        if (resources == null) {
            // Nomad tolerates allocations without allocated resources: no ports to tell.
            return env;
        }
        Map<String, AllocatedTaskResources> tasks = resources.tasks == null ? Map.of() : resources.tasks;
        AllocatedTaskResources own = tasks.get(taskName);
        if (own != null) {
            for (NetworkResource n : nn(own.networks)) {
                for (Port p : ports(n)) {
                    String port = Integer.toString(value(p));
                    put(env, IP + p.label, nz(n.ip));
                    put(env, HOST_PORT + p.label, port);
                    put(env, ADDR + p.label, hostPort(nz(n.ip), port));
                    put(env, PORT + p.label, port);
                }
            }
        }
        for (Map.Entry<String, AllocatedTaskResources> other : tasks.entrySet()) {
            if (other.getKey().equals(taskName) || other.getValue() == null) {
                continue;
            }
            for (NetworkResource n : nn(other.getValue().networks)) {
                for (Port p : ports(n)) {
                    String suffix = other.getKey() + "_" + p.label;
                    put(env, ADDR + suffix, nz(n.ip) + ":" + value(p));
                    put(env, IP + suffix, nz(n.ip));
                    put(env, PORT + suffix, Integer.toString(value(p)));
                }
            }
        }
        if (resources.shared != null) {
            for (NetworkResource n : nn(resources.shared.networks)) {
                for (Port p : ports(n)) {
                    int to = p.to == null ? 0 : p.to;
                    put(env, PORT + p.label, Integer.toString(to > 0 ? to : value(p)));
                    put(env, HOST_PORT + p.label, Integer.toString(value(p)));
                }
            }
        }
        return env;
    }

    private static List<Port> ports(NetworkResource n) {
        List<Port> all = new java.util.ArrayList<>(nn(n.reservedPorts));
        all.addAll(nn(n.dynamicPorts));
        return all;
    }

    /** As Go's {@code net.JoinHostPort}: IPv6 addresses in brackets. */
    static String hostPort(String ip, String port) {
        return ip.contains(":") ? "[" + ip + "]:" + port : ip + ":" + port;
    }

    private static void put(Map<String, String> env, String key, String value) {
        env.put(NOT_ENV_SAFE.matcher(key).replaceAll("_"), value);
    }

    private static int value(Port p) {
        return p.value == null ? 0 : p.value;
    }

    private static <T> List<T> nn(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package io.drover.server.config;

import io.drover.client.agent.NodeAgentConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code agent -client} flags into a node agent's configuration, with Nomad's defaults:
 * the host name as node name, datacenter dc1, region global, this host's address as the
 * node's. Servers are listed by their gRPC address; a bare host means the default port 4648.
 */
public final class ClientFlags {
    static final int DEFAULT_GRPC_PORT = 4648;

    private ClientFlags() {
    }

    public static NodeAgentConfig config(List<String> servers, Path dataDir, String name, String datacenter,
            String region, String nodeClass, String bind, String advertise, Integer httpPort) {
        List<String> addresses = new ArrayList<>();
        for (String s : servers) {
            String t = s.trim();
            if (!t.isEmpty()) {
                addresses.add(t.contains(":") ? t : t + ":" + DEFAULT_GRPC_PORT);
            }
        }
        if (addresses.isEmpty()) {
            throw new ConfigException("a client needs the servers' addresses: set -servers host[:port][,host[:port]...]");
        }
        if (dataDir == null) {
            throw new ConfigException("a data directory is required: set -data-dir");
        }
        String ip = advertise != null ? advertise : bind != null && !"0.0.0.0".equals(bind) ? bind : localAddress();
        String nodeName = name != null ? name : hostName();
        NodeAgentConfig c = NodeAgentConfig.of(addresses, dataDir, nodeName, datacenter != null ? datacenter : "dc1",
                ip).withHttpAddr(ip + ":" + (httpPort != null ? httpPort : 4646));
        c = c.withRegion(region != null ? region : "global");
        return new NodeAgentConfig(c.servers(), c.dataDir(), c.name(), c.datacenter(), c.region(), nodeClass,
                c.meta(), c.ip(), c.httpAddr(), c.updateInterval(), c.watchWait());
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "drover";
        }
    }
}

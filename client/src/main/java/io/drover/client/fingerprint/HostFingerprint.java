package io.drover.client.fingerprint;

import io.drover.client.driver.DriverHealth;
import io.drover.model.NetworkResource;
import io.drover.model.json.GoTime;
import io.drover.model.node.DriverInfo;
import io.drover.model.node.Node;
import io.drover.model.node.NodeReservedResources;
import io.drover.model.node.NodeResources;
import io.drover.model.resources.LegacyResources;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Nomad's client fingerprinters find on this host, as node attributes and resources:
 * CPU cores and MHz ({@code /proc/cpuinfo}; 1000 MHz a core where it says nothing), memory
 * ({@code /proc/meminfo}, else the JVM's view of the host), the disk holding the data dir,
 * kernel and OS ({@code /etc/os-release}), architecture, host name, the node's IP address, and
 * the drivers this agent runs (a detected {@code Drivers} entry with each one's health, and
 * {@code driver.<name>} = 1 for the healthy ones). Resources go in both the current and the
 * pre-0.9 shapes, as Nomad 0.11's client fills both.
 */
public final class HostFingerprint {
    public static final String NOMAD_VERSION = "0.11.3";
    /** Used when /proc/cpuinfo has no clock speed (some VMs and non-x86 hosts). */
    static final long FALLBACK_MHZ_PER_CORE = 1000;

    private final Path proc;
    private final Path osRelease;

    public HostFingerprint() {
        this(Path.of("/proc"), Path.of("/etc/os-release"));
    }

    /** For tests: read {@code cpuinfo}, {@code meminfo} and os-release from elsewhere. */
    HostFingerprint(Path proc, Path osRelease) {
        this.proc = proc;
        this.osRelease = osRelease;
    }

    /**
     * Fills {@code node}'s attributes, resources and drivers.
     *
     * @param dataDir where the agent keeps allocations: its disk is the node's disk
     * @param ip the node's address, for {@code unique.network.ip-address} and its network
     * @param drivers the drivers this agent runs, by name, with their health
     */
    public void fingerprint(Node node, Path dataDir, String ip, Map<String, DriverHealth> drivers, Instant now) {
        Map<String, String> a = node.attributes == null ? new LinkedHashMap<>() : node.attributes;
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, String> cpu = cpuInfo();
        long mhz = parseMhz(cpu.get("cpu MHz"));
        if (mhz <= 0) {
            mhz = FALLBACK_MHZ_PER_CORE;
        }
        long totalMhz = mhz * cores;
        a.put("cpu.numcores", Integer.toString(cores));
        a.put("cpu.frequency", Long.toString(mhz));
        a.put("cpu.totalcompute", Long.toString(totalMhz));
        a.put("cpu.modelname", cpu.getOrDefault("model name", "unknown"));
        String arch = arch();
        a.put("cpu.arch", arch);
        a.put("arch", arch);
        long memBytes = memoryBytes();
        a.put("memory.totalbytes", Long.toString(memBytes));
        a.put("kernel.name", System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT));
        a.put("kernel.version", System.getProperty("os.version", ""));
        Map<String, String> os = osRelease();
        a.put("os.name", os.getOrDefault("ID", System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT)));
        a.put("os.version", os.getOrDefault("VERSION_ID", ""));
        a.put("unique.hostname", hostname());
        a.put("unique.network.ip-address", ip);
        long diskTotal = 0;
        long diskFree = 0;
        try {
            FileStore store = Files.getFileStore(dataDir);
            diskTotal = store.getTotalSpace();
            diskFree = store.getUsableSpace();
            a.put("unique.storage.volume", store.name());
        } catch (IOException e) {
            a.put("unique.storage.volume", "");
        }
        a.put("unique.storage.bytestotal", Long.toString(diskTotal));
        a.put("unique.storage.bytesfree", Long.toString(diskFree));
        a.put("nomad.version", NOMAD_VERSION);
        a.put("nomad.revision", "drover");
        a.put("nomad.advertise.address", node.httpAddr);
        Map<String, DriverInfo> infos = new LinkedHashMap<>();
        for (Map.Entry<String, DriverHealth> e : drivers.entrySet()) {
            String d = e.getKey();
            DriverHealth health = e.getValue();
            DriverInfo info = new DriverInfo();
            info.attributes = new LinkedHashMap<>();
            // Constraints on driver.<name> must not place tasks where the driver refuses them.
            if (health.healthy()) {
                a.put("driver." + d, "1");
                info.attributes.put("driver." + d, "true");
            }
            info.detected = true;
            info.healthy = health.healthy();
            info.healthDescription = health.description();
            info.updateTime = GoTime.format(now);
            infos.put(d, info);
        }
        node.attributes = a;
        node.drivers = infos;
        NodeResources r = new NodeResources(totalMhz, memBytes / (1024 * 1024), diskFree / (1024 * 1024));
        NetworkResource net = new NetworkResource();
        net.mode = "";
        net.device = ip.startsWith("127.") ? "lo" : "";
        net.cidr = ip + "/32";
        net.ip = ip;
        net.mbits = 1000;
        r.networks = new ArrayList<>(List.of(net));
        node.nodeResources = r;
        node.reservedResources = new NodeReservedResources(0, 0, 0, "");
        // Nomad's client still fills the pre-0.9 shapes its CLI reads (COMPAT 0.10).
        node.resources = LegacyResources.ofNode(r);
        node.reserved = LegacyResources.ofReserved(node.reservedResources);
    }

    private Map<String, String> cpuInfo() {
        Map<String, String> first = new LinkedHashMap<>();
        for (String line : lines(proc.resolve("cpuinfo"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                // The first processor's values stand for all of them.
                first.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return first;
    }

    private static long parseMhz(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return (long) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private long memoryBytes() {
        for (String line : lines(proc.resolve("meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring(9).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024;
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private Map<String, String> osRelease() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : lines(osRelease)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
            }
        }
        return m;
    }

    /** Go's GOARCH names. */
    static String arch() {
        String a = System.getProperty("os.arch", "");
        return switch (a) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> a;
        };
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}

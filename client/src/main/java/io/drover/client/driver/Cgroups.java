package io.drover.client.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The host's memory and CPU cgroup controllers, where {@link ExecDriver} limits each task to
 * its resources: {@link CgroupsV1} (a hierarchy per controller) or {@link CgroupsV2} (one
 * unified tree). A task's cgroup is {@code drover/<allocID>-<task>} under the agent's own
 * cgroup, so the tasks stay inside whatever the agent was given (a systemd unit's delegated
 * subtree, a container's cgroup) rather than escaping to the hierarchy's root.
 */
interface Cgroups {
    /** The directory under the agent's own cgroup holding its tasks' cgroups. */
    String PARENT = "drover";
    /** The kernel's bounds on v1 {@code cpu.shares}; Nomad's CPU MHz are used as shares. */
    long MIN_SHARES = 2;
    long MAX_SHARES = 262_144;

    /**
     * What this host lacks for limiting tasks, as a phrase for the driver's health (e.g.
     * {@code the memory cgroup controller is not mounted at /sys/fs/cgroup/memory}); empty when
     * nothing.
     */
    String missing();

    /**
     * Creates a task's cgroup with its limits.
     *
     * @param name {@code <allocID>-<task>}
     * @param memoryBytes the memory limit, 0 for none
     * @param cpuShares the task's CPU in MHz, its relative weight
     */
    TaskCgroup create(String name, long memoryBytes, long cpuShares) throws IOException;

    /**
     * The task cgroup a process is in, from its {@code /proc/<pid>/cgroup}, for a task a
     * previous run of the agent started; empty when it is in none of this agent's.
     */
    Optional<TaskCgroup> of(String procCgroup);

    /** The process's cgroup directory in a hierarchy, if it is one of this agent's task cgroups. */
    static Optional<Path> taskDir(Path hierarchy, String relative, Path parent) {
        Path dir = hierarchy.resolve(relative);
        return relative.isEmpty() || !parent.equals(dir.getParent()) ? Optional.empty() : Optional.of(dir);
    }

    /** This host's cgroups, read from {@code /sys/fs/cgroup} and {@code /proc/self/cgroup}. */
    static Cgroups host() {
        String self;
        try {
            self = Files.readString(Path.of("/proc/self/cgroup"));
        } catch (IOException e) {
            self = "";
        }
        return detect(Path.of("/sys/fs/cgroup"), self);
    }

    /**
     * v2 when the mount root is the unified tree ({@code cgroup.controllers} there), else v1.
     *
     * @param mountRoot where the cgroup file systems are mounted
     * @param selfCgroup the agent's {@code /proc/self/cgroup}
     */
    static Cgroups detect(Path mountRoot, String selfCgroup) {
        if (Files.exists(mountRoot.resolve("cgroup.controllers"))) {
            return new CgroupsV2(mountRoot, ownPath(selfCgroup, ""));
        }
        return new CgroupsV1(mountRoot, ownPath(selfCgroup, "memory"), ownPath(selfCgroup, "cpu"));
    }

    /**
     * The agent's cgroup, relative to its hierarchy's root, from {@code /proc/self/cgroup}
     * lines {@code id:controllers:/path} (v2's line has no controllers); "" for the root.
     */
    static String ownPath(String selfCgroup, String controller) {
        for (String line : selfCgroup.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            boolean match = controller.isEmpty() ? f[0].equals("0") && f[1].isEmpty()
                    : List.of(f[1].split(",")).contains(controller);
            if (match) {
                String path = f[2].trim();
                return path.startsWith("/") ? path.substring(1) : path;
            }
        }
        return "";
    }

    /** Nomad's CPU MHz as shares, within what the kernel accepts. */
    static long shares(long cpu) {
        return Math.max(MIN_SHARES, Math.min(MAX_SHARES, cpu));
    }
}

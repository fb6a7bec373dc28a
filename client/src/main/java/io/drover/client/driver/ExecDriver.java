package io.drover.client.driver;

import io.drover.client.ClientTimers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Nomad's {@code exec}: {@link RawExecDriver}'s processes, logs and signals, but each task
 * isolated as far as Nomad's exec isolates it: in a cgroup that limits its memory to its
 * {@code MemoryMB} (the kernel kills it beyond, reported as OOM killed) and weighs its CPU by
 * its {@code CPU}; in new PID, mount, UTS and IPC namespaces, so it sees only its own
 * processes (it is PID 1 there) and cannot rename the host or reach its System V IPC; and
 * chrooted into its task directory ({@link ChrootEnv}), so it sees only the host's system
 * directories, read-only, and its own allocation's directories.
 *
 * <p>Isolation needs root, {@code unshare}, {@code chroot}, {@code mount} and writable memory
 * and cpu cgroups; on a host without them the driver is still detected but unhealthy, says
 * which are missing in its health, and refuses every task rather than running it unisolated.
 */
public final class ExecDriver implements Driver {
    public static final String NAME = "exec";

    private final RawExecDriver processes;
    private final DriverHealth health;

    /** Decides from this host whether tasks can be isolated. */
    public ExecDriver(ClientTimers timers) {
        this(timers, Cgroups.host(), ChrootEnv.host());
    }

    private ExecDriver(ClientTimers timers, Cgroups cgroups, ChrootEnv chroot) {
        this(timers, isolation(runningAsRoot(), ChrootEnv.missingTools(), cgroups.missing()), cgroups, chroot);
    }

    /** For tests: this host's isolation, but the given health. */
    ExecDriver(ClientTimers timers, DriverHealth health) {
        this(timers, health, Cgroups.host(), ChrootEnv.host());
    }

    ExecDriver(ClientTimers timers, DriverHealth health, Cgroups cgroups, ChrootEnv chroot) {
        this.processes = new RawExecDriver(timers, new ExecLauncher(cgroups, chroot, timers));
        this.health = Objects.requireNonNull(health, "health");
    }

    /**
     * Whether a host can isolate tasks, and if not, the health text that says what it lacks.
     *
     * @param root whether the agent runs as root
     * @param missingTools the commands isolation needs that the host lacks
     * @param cgroupsMissing what the host's cgroups lack ({@link Cgroups#missing()}), "" for nothing
     */
    static DriverHealth isolation(boolean root, List<String> missingTools, String cgroupsMissing) {
        List<String> missing = new ArrayList<>();
        if (!root) {
            missing.add("the agent is not root");
        }
        for (String tool : missingTools) {
            missing.add(tool + " is missing");
        }
        if (!cgroupsMissing.isEmpty()) {
            missing.add(cgroupsMissing);
        }
        if (missing.isEmpty()) {
            return DriverHealth.HEALTHY;
        }
        return DriverHealth.unhealthy("exec needs root, unshare, chroot, mount and writable memory and cpu cgroups"
                + " to isolate tasks: " + String.join(" and ", missing));
    }

    /** The owner of {@code /proc/self} is the agent's effective user. */
    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverHealth health() {
        return health;
    }

    /** Tasks see their task directory as {@code /}: their environment names the paths inside it. */
    @Override
    public FSIsolation fsIsolation() {
        return FSIsolation.CHROOT;
    }

    @Override
    public TaskHandle start(TaskSpec spec) throws DriverException {
        if (!health.healthy()) {
            // The host will not change under a restart: running the task unisolated is not an option.
            throw new DriverException("exec driver cannot start task: " + health.description(), false);
        }
        return processes.start(spec);
    }

    @Override
    public TaskHandle reattach(TaskSpec spec, long pid, long pidStartMillis) {
        return processes.reattach(spec, pid, pidStartMillis);
    }
}

package io.drover.client.driver;

import io.drover.client.ClientTimers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Nomad's {@code exec}: {@link RawExecDriver}'s processes, logs and signals, but each task in
 * new PID, mount, UTS and IPC namespaces (through {@code unshare}), so it sees only its own
 * processes (it is PID 1 there) and cannot rename the host or reach its System V IPC.
 *
 * <p>Isolation needs root and {@code unshare}; on a host without them the driver is still
 * detected but unhealthy, says why in its health, and refuses every task rather than running
 * it unisolated.
 */
public final class ExecDriver implements Driver {
    public static final String NAME = "exec";
    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    /** {@code --mount-proc} remounts /proc in the new mount namespace so tools see the task's PIDs only. */
    private static final List<String> ISOLATE = List.of(UNSHARE.toString(), "--pid", "--fork", "--mount-proc",
            "--uts", "--ipc");

    private final RawExecDriver processes;
    private final DriverHealth health;

    /** Decides from this host whether tasks can be isolated. */
    public ExecDriver(ClientTimers timers) {
        this(timers, isolation(runningAsRoot(), Files.isExecutable(UNSHARE)));
    }

    ExecDriver(ClientTimers timers, DriverHealth health) {
        this.processes = new RawExecDriver(timers, ISOLATE);
        this.health = Objects.requireNonNull(health, "health");
    }

    /** Whether a host can isolate tasks, and if not, the health text that says so. */
    static DriverHealth isolation(boolean root, boolean hasUnshare) {
        if (root && hasUnshare) {
            return DriverHealth.HEALTHY;
        }
        String missing = !root && !hasUnshare ? "the agent is not root and " + UNSHARE + " is missing"
                : !root ? "the agent is not root" : UNSHARE + " is missing";
        return DriverHealth.unhealthy("exec needs root and unshare to isolate tasks: " + missing);
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

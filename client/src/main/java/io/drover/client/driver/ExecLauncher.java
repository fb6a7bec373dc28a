package io.drover.client.driver;

import io.drover.client.ClientTimers;
import io.drover.model.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link ExecDriver} starts a task: in a cgroup of its own that limits its memory and
 * weighs its CPU ({@link Cgroups}), joined by the first process before anything of the task
 * runs so that every child is in it from the start, then in its namespaces and chroot
 * ({@link ChrootEnv}). When the task has ended, whether the memory limit killed it is read from
 * the cgroup, and the cgroup is removed once its last process is gone.
 */
final class ExecLauncher implements TaskLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ExecLauncher.class);
    /**
     * Joins the cgroup (arguments: its {@code cgroup.procs} files, {@code --}, the command) and
     * execs the command in it; 125 with the reason on the task's stderr when it cannot.
     */
    private static final String JOIN = """
            while [ "$1" != -- ]; do
              echo $$ > "$1" || { echo "exec driver: cannot join cgroup $1" >&2; exit 125; }
              shift
            done
            shift
            exec "$@"
            """;
    private static final int SIGKILL = 9;
    /** Killed processes leave their cgroup within moments; how often and how long to retry removing it. */
    private static final long REMOVE_RETRY_NANOS = 50_000_000L;
    private static final int REMOVE_ATTEMPTS = 100;

    private final Cgroups cgroups;
    private final ChrootEnv chroot;
    private final ClientTimers timers;

    ExecLauncher(Cgroups cgroups, ChrootEnv chroot, ClientTimers timers) {
        this.cgroups = Objects.requireNonNull(cgroups, "cgroups");
        this.chroot = Objects.requireNonNull(chroot, "chroot");
        this.timers = Objects.requireNonNull(timers, "timers");
    }

    @Override
    public Launch prepare(TaskSpec spec) throws DriverException {
        Resources r = spec.task().resources;
        long memoryMb = r == null || r.memoryMb == null ? 0 : r.memoryMb;
        long cpu = r == null || r.cpu == null ? Resources.DEFAULT_CPU : r.cpu;
        TaskCgroup cgroup;
        try {
            cgroup = cgroups.create(cgroupName(spec), memoryMb * 1024 * 1024, cpu);
        } catch (IOException e) {
            throw new DriverException("failed to create the task's cgroup: " + e.getMessage(), true, e);
        }
        List<String> prefix = new ArrayList<>(List.of("/bin/sh", "-c", JOIN, "exec-cgroup"));
        for (Path procs : cgroup.procs()) {
            prefix.add(procs.toString());
        }
        prefix.add("--");
        prefix.addAll(chroot.prefix(spec.taskDir(), allocDir(spec.taskDir())));
        return new CgroupLaunch(cgroup, List.copyOf(prefix));
    }

    /**
     * The cgroup the task's process is in, found through {@code /proc/<pid>/cgroup}: when it
     * ends, the cgroup is removed as if this run had started it.
     */
    @Override
    public Launch reattached(long pid) {
        // The pid is the task wrapper's, which stays outside: the cgroup is its descendants'.
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        for (long candidate : pids) {
            String procCgroup;
            try {
                procCgroup = Files.readString(Path.of("/proc", Long.toString(candidate), "cgroup"));
            } catch (IOException e) {
                continue;
            }
            Optional<TaskCgroup> cgroup = cgroups.of(procCgroup);
            if (cgroup.isPresent()) {
                return new CgroupLaunch(cgroup.get(), List.of());
            }
        }
        return Launch.DIRECT;
    }

    /** {@code <allocID>-<task>}, unique on the node while the task runs. */
    static String cgroupName(TaskSpec spec) {
        return spec.allocId() + "-" + spec.taskName();
    }

    /** The allocation's shared directory, beside its task directories (the alloc dir's layout). */
    static Path allocDir(Path taskDir) {
        return taskDir.toAbsolutePath().getParent().resolve("alloc");
    }

    private final class CgroupLaunch implements Launch {
        private final TaskCgroup cgroup;
        private final List<String> prefix;

        CgroupLaunch(TaskCgroup cgroup, List<String> prefix) {
            this.cgroup = cgroup;
            this.prefix = prefix;
        }

        @Override
        public List<String> prefix() {
            return prefix;
        }

        @Override
        public CompletableFuture<ExitResult> ended(ExitResult result) {
            ExitResult reported = result;
            if (cgroup.oomKilled()) {
                // The kernel's SIGKILL, not one of ours: say which signal it was.
                int signal = result.signal() == 0 && result.exitCode() == 128 + SIGKILL ? SIGKILL : result.signal();
                reported = new ExitResult(result.exitCode(), signal, result.error(), true);
            }
            CompletableFuture<ExitResult> removed = new CompletableFuture<>();
            remove(1, removed, reported);
            return removed;
        }

        private void remove(int attempt, CompletableFuture<ExitResult> removed, ExitResult result) {
            if (cgroup.remove()) {
                removed.complete(result);
            } else if (attempt >= REMOVE_ATTEMPTS) {
                LOG.warn("Cgroup {} still has processes; left in place", cgroup.dirs());
                removed.complete(result);
            } else {
                try {
                    timers.schedule(REMOVE_RETRY_NANOS, () -> remove(attempt + 1, removed, result));
                } catch (RejectedExecutionException e) {
                    // The agent is shutting down: report the exit rather than wait for a timer that never fires.
                    removed.complete(result);
                }
            }
        }
    }
}

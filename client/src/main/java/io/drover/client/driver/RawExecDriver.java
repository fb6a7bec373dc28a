package io.drover.client.driver;

import io.drover.client.ClientTimers;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Nomad's {@code raw_exec}: runs the task's {@code command} with its {@code args} as a child
 * process of the agent, without isolation, in the task directory, with the task's environment
 * on top of the agent's own (as Nomad gives raw_exec the host's variables), stdout and stderr
 * piped to {@link LogPump}s that write the task's rotated log files ({@link TaskLogs}).
 *
 * <p>The child runs in its own session and process group (through {@code setsid}, when the
 * host has it), so stopping the task reaches everything it started: the kill signal goes to
 * the group, and after the kill timeout SIGKILL does.
 */
public final class RawExecDriver implements Driver {
    public static final String NAME = "raw_exec";
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** How long an exit waits for the task's last output to reach its log files. */
    private static final long LOG_DRAIN_GRACE_NANOS = 2_000_000_000L;

    private final ClientTimers timers;
    private final boolean ownGroup;
    private final TaskLauncher launcher;

    /** @param timers where the forced kill after the kill timeout is scheduled */
    public RawExecDriver(ClientTimers timers) {
        this(timers, TaskLauncher.NONE);
    }

    /**
     * For drivers that run the same processes under a wrapper ({@link ExecDriver}).
     *
     * @param launcher what each task's process runs under, and what is undone when it ends
     */
    RawExecDriver(ClientTimers timers, TaskLauncher launcher) {
        this.timers = Objects.requireNonNull(timers, "timers");
        this.ownGroup = Files.isExecutable(SETSID);
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TaskHandle start(TaskSpec spec) throws DriverException {
        Map<String, Object> config = spec.task().config == null ? Map.of() : spec.task().config;
        Object command = config.get("command");
        if (!(command instanceof String c) || c.isBlank()) {
            throw new DriverException("failed to decode driver config: missing required attribute \"command\"", false);
        }
        Object args = config.get("args");
        if (args != null && !(args instanceof List<?>)) {
            throw new DriverException("failed to decode driver config: args must be a list of strings", false);
        }
        TaskLauncher.Launch launch = launcher.prepare(spec);
        List<String> argv = new ArrayList<>();
        if (ownGroup) {
            argv.add(SETSID.toString());
        }
        argv.addAll(launch.prefix());
        argv.add(c);
        if (args instanceof List<?> list) {
            for (Object a : list) {
                argv.add(String.valueOf(a));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(spec.taskDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(spec.env());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            launch.ended(new ExitResult(-1, 0, e.getMessage()));
            // A missing or non-executable command will not appear by trying again.
            throw new DriverException("failed to launch command with executor: " + e.getMessage(), false, e);
        }
        String who = "logmon-" + spec.allocId().substring(0, Math.min(8, spec.allocId().length())) + "-"
                + spec.taskName();
        LogPump out = LogPump.start(process.getInputStream(), spec.logs().stdout(), who + "-stdout");
        LogPump err = LogPump.start(process.getErrorStream(), spec.logs().stderr(), who + "-stderr");
        return new RawExecHandle(process, ownGroup, timers, CompletableFuture.allOf(out.drained(), err.drained()),
                launch);
    }

    @Override
    public TaskHandle reattach(long pid, long pidStartMillis) {
        if (pid <= 0) {
            return null;
        }
        // ProcessHandle reads /proc/<pid>: a live pid with another start time is a stranger.
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process == null || !process.isAlive() || startMillis(process) != pidStartMillis) {
            return null;
        }
        // Not our child any more: its exit code is not ours to read, only that it ended
        // (the JDK polls a non-child for that).
        TaskLauncher.Launch launch = launcher.reattached(pid);
        CompletableFuture<ExitResult> exited = process.onExit().thenApply(p -> new ExitResult(-1, 0,
                "exit code unknown: the task was re-attached after an agent restart")).thenCompose(launch::ended);
        return new RawExecHandle(process, ownGroup, timers, exited);
    }

    /** When the process started, in ms since the epoch (0 when the host does not say). */
    static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    }

    /**
     * One task process: a child of this agent, or one a previous run started and this one
     * re-attached to. Signals go to its process group, through its pid.
     */
    private static final class RawExecHandle implements TaskHandle {
        private final ProcessHandle process;
        private final boolean ownGroup;
        private final ClientTimers timers;
        private final long startMillis;
        private final CompletableFuture<ExitResult> exited;
        private volatile boolean killSent;
        private volatile Future<?> forceKill;

        /** A child this agent started, whose exit code it reads. */
        RawExecHandle(Process child, boolean ownGroup, ClientTimers timers, CompletableFuture<Void> logsDrained,
                TaskLauncher.Launch launch) {
            this.process = child.toHandle();
            this.ownGroup = ownGroup;
            this.timers = timers;
            this.startMillis = startMillis(process);
            this.exited = child.onExit().thenCompose(p -> {
                ExitResult result = exitResult(p.exitValue());
                // Report the exit once its output is in the files, but not later than a grace
                // period: a child the task left running may hold the pipes open for ever.
                CompletableFuture<ExitResult> reported = logsDrained.thenApply(v -> result);
                timers.schedule(LOG_DRAIN_GRACE_NANOS, () -> reported.complete(result));
                return reported;
            }).thenCompose(launch::ended);
        }

        /** A re-attached process: only that it ended is known. */
        RawExecHandle(ProcessHandle process, boolean ownGroup, ClientTimers timers,
                CompletableFuture<ExitResult> exited) {
            this.process = process;
            this.ownGroup = ownGroup;
            this.timers = timers;
            this.startMillis = startMillis(process);
            this.exited = exited.whenComplete((r, e) -> cancelForceKill());
        }

        /**
         * Java reports a process that died of a signal as 128 + the signal, as Nomad's
         * executor does; only after we sent one do we read such a code as a signal, since a
         * process may also exit with it by itself.
         */
        private ExitResult exitResult(int code) {
            cancelForceKill();
            int signal = killSent && code > 128 && code < 128 + 65 ? code - 128 : 0;
            return new ExitResult(code, signal, "");
        }

        private void cancelForceKill() {
            Future<?> f = forceKill;
            if (f != null) {
                f.cancel(false);
            }
        }

        @Override
        public CompletableFuture<ExitResult> exited() {
            return exited;
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public long pidStartMillis() {
            return startMillis;
        }

        @Override
        public void kill(String signal, long timeoutNanos) {
            if (!process.isAlive()) {
                return;
            }
            killSent = true;
            if (!Signals.send(process.pid(), ownGroup, Signals.name(signal))) {
                process.destroy();
            }
            forceKill = timers.schedule(timeoutNanos, this::destroy);
        }

        @Override
        public void destroy() {
            if (!process.isAlive()) {
                return;
            }
            killSent = true;
            Signals.send(process.pid(), ownGroup, "KILL");
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}

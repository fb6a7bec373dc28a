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
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nomad's {@code raw_exec}: runs the task's {@code command} with its {@code args} as a child
 * process of the agent, without isolation, in the task directory, with the task's environment
 * on top of the agent's own (as Nomad gives raw_exec the host's variables), under a
 * {@link TaskWrapper} that sends stdout and stderr through named pipes, which {@link LogPump}s
 * copy into the task's rotated log files ({@link TaskOutput}, {@link TaskLogs}), and records
 * its exit status: both outlive the agent, so an agent that re-attaches after a restart reads
 * on where the last one stopped and reports how the task really ended.
 *
 * <p>The wrapper runs in its own session and process group (through {@code setsid}, when the
 * host has it), with the task in it, so stopping the task reaches everything it started: the
 * kill signal goes to the group, and after the kill timeout SIGKILL does.
 */
public final class RawExecDriver implements Driver {
    public static final String NAME = "raw_exec";
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Logger LOG = LoggerFactory.getLogger(RawExecDriver.class);

    private final ClientTimers timers;
    private final boolean ownGroup;
    private final TaskLauncher launcher;

    /** @param timers where the forced kill after the kill timeout is scheduled */
    public RawExecDriver(ClientTimers timers) {
        this(timers, TaskLauncher.NONE);
    }

    /**
     * For drivers that run the same processes with more around them ({@link ExecDriver}).
     *
     * @param launcher what each task runs under, inside the {@link TaskWrapper}
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
        TaskWrapper wrapper = TaskWrapper.of(spec);
        List<String> argv = new ArrayList<>();
        if (ownGroup) {
            argv.add(SETSID.toString());
        }
        // A launcher-less command is looked up now (a missing one is a clear driver failure); a
        // launcher finds it in its own view of the host.
        String resolved = launcher == TaskLauncher.NONE ? executable(c, spec.taskDir()) : c;
        TaskLauncher.Launch launch = launcher.prepare(spec);
        // The wrapper goes first: whatever the launcher does, it runs inside the wrapper's redirections.
        argv.addAll(wrapper.argv());
        argv.addAll(launch.prefix());
        argv.add(resolved);
        if (args instanceof List<?> list) {
            for (Object a : list) {
                argv.add(String.valueOf(a));
            }
        }
        TaskOutput output;
        try {
            wrapper.clearExitStatus();
            TaskOutput.createFifos(spec.logs());
            output = TaskOutput.attach(spec.logs(), pumpName(spec));
        } catch (IOException e) {
            launch.ended(new ExitResult(-1, 0, e.getMessage()));
            throw new DriverException("failed to set up the task's log pipes: " + e.getMessage(), true, e);
        }
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(spec.taskDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(spec.env());
        try {
            return new LaunchedTask(RawExecHandle.started(pb.start(), ownGroup, timers, output), launch);
        } catch (IOException e) {
            output.close();
            launch.ended(new ExitResult(-1, 0, e.getMessage()));
            // Our own shell failing to start is a broken host, not something a retry mends.
            throw new DriverException("failed to launch command with executor: " + e.getMessage(), false, e);
        }
    }

    /**
     * Where {@code command} runs from, as Nomad's executor looks it up before launching: a path
     * (relative to the task directory) or a name on the agent's {@code PATH}, which is where
     * the JDK looked when it started the task itself.
     *
     * @throws DriverException when there is no such executable: starting again will not make one
     */
    static String executable(String command, Path taskDir) throws DriverException {
        if (command.contains("/")) {
            if (isExecutableFile(taskDir.resolve(command))) {
                return command;
            }
        } else {
            String path = System.getenv("PATH");
            for (String dir : (path == null ? "" : path).split(":", -1)) {
                Path candidate = (dir.isEmpty() ? taskDir : taskDir.resolve(dir)).resolve(command);
                if (isExecutableFile(candidate)) {
                    return candidate.toAbsolutePath().toString();
                }
            }
        }
        throw new DriverException("failed to launch command with executor: " + command
                + ": no such executable file (in directory " + taskDir + ")", false);
    }

    private static boolean isExecutableFile(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    private static String pumpName(TaskSpec spec) {
        return "logmon-" + spec.allocId().substring(0, Math.min(8, spec.allocId().length())) + "-" + spec.taskName();
    }

    @Override
    public TaskHandle reattach(TaskSpec spec, long pid, long pidStartMillis) {
        if (pid <= 0) {
            return null;
        }
        TaskWrapper wrapper = TaskWrapper.of(spec);
        // ProcessHandle reads /proc/<pid>: a live pid with another start time is a stranger.
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process == null || !process.isAlive() || startMillis(process) != pidStartMillis) {
            // It ended while no agent watched; output it wrote that no one read went with its pipes.
            OptionalInt status = wrapper.readExitStatus();
            return status.isPresent() ? new EndedTask(new ExitResult(status.getAsInt(), 0, "")) : null;
        }
        TaskOutput output = null;
        if (TaskOutput.fifosExist(spec.logs())) {
            try {
                output = TaskOutput.attach(spec.logs(), pumpName(spec));
            } catch (IOException e) {
                LOG.warn("task {} of allocation {} re-attached without its output: {}", spec.taskName(),
                        spec.allocId(), e.toString());
            }
        }
        return new LaunchedTask(RawExecHandle.reattached(process, ownGroup, timers, wrapper, output),
                launcher.reattached(pid));
    }

    /** When the process started, in ms since the epoch (0 when the host does not say). */
    static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    }

    /**
     * A task process with its launcher's part: once the process has ended, the launcher undoes
     * what it set up and may say more of how it ended ({@link TaskLauncher.Launch#ended}).
     */
    private static final class LaunchedTask implements TaskHandle {
        private final TaskHandle process;
        private final CompletableFuture<ExitResult> exited;

        LaunchedTask(TaskHandle process, TaskLauncher.Launch launch) {
            this.process = process;
            this.exited = process.exited().thenCompose(launch::ended);
        }

        @Override
        public CompletableFuture<ExitResult> exited() {
            return exited;
        }

        @Override
        public void kill(String signal, long timeoutNanos) {
            process.kill(signal, timeoutNanos);
        }

        @Override
        public void destroy() {
            process.destroy();
        }

        @Override
        public void detach() {
            process.detach();
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public long pidStartMillis() {
            return process.pidStartMillis();
        }
    }

    /** A task that ended while no agent watched it, known by the exit status its wrapper recorded. */
    private record EndedTask(ExitResult result) implements TaskHandle {
        @Override
        public CompletableFuture<ExitResult> exited() {
            return CompletableFuture.completedFuture(result);
        }

        @Override
        public void kill(String signal, long timeoutNanos) {
            // Nothing left to stop.
        }

        @Override
        public void destroy() {
            // Nothing left to stop.
        }
    }
}

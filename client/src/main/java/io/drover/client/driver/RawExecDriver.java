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
    private final List<String> launcher;

    /** @param timers where the forced kill after the kill timeout is scheduled */
    public RawExecDriver(ClientTimers timers) {
        this(timers, List.of());
    }

    /**
     * For drivers that run the same processes under a wrapper ({@link ExecDriver}).
     *
     * @param launcher the command and options put before the task's command (after
     *     {@code setsid}), which must exec or wait for it and exit with its status
     */
    RawExecDriver(ClientTimers timers, List<String> launcher) {
        this.timers = Objects.requireNonNull(timers, "timers");
        this.ownGroup = Files.isExecutable(SETSID);
        this.launcher = List.copyOf(launcher);
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
        TaskWrapper wrapper = TaskWrapper.of(spec);
        List<String> argv = new ArrayList<>();
        if (ownGroup) {
            argv.add(SETSID.toString());
        }
        // The wrapper goes first: whatever a launcher does, it runs inside the wrapper's redirections.
        argv.addAll(wrapper.argv());
        argv.addAll(launcher);
        // A launcher finds the command in its own view of the host; without one, we look it up now.
        argv.add(launcher.isEmpty() ? executable(c, spec.taskDir()) : c);
        Object args = config.get("args");
        if (args instanceof List<?> list) {
            for (Object a : list) {
                argv.add(String.valueOf(a));
            }
        } else if (args != null) {
            throw new DriverException("failed to decode driver config: args must be a list of strings", false);
        }
        TaskOutput output;
        try {
            wrapper.clearExitStatus();
            TaskOutput.createFifos(spec.logs());
            output = TaskOutput.attach(spec.logs(), pumpName(spec));
        } catch (IOException e) {
            throw new DriverException("failed to set up the task's log pipes: " + e.getMessage(), true, e);
        }
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(spec.taskDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(spec.env());
        try {
            return RawExecHandle.started(pb.start(), ownGroup, timers, output);
        } catch (IOException e) {
            output.close();
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
        return RawExecHandle.reattached(process, ownGroup, timers, wrapper, output);
    }

    /** When the process started, in ms since the epoch (0 when the host does not say). */
    static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
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

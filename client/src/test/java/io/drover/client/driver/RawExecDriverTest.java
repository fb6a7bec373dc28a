package io.drover.client.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.client.ClientTimers;
import io.drover.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** raw_exec's wrapper: how the task ended is reported faithfully, to this driver or to one that re-attaches. */
class RawExecDriverTest {
    /** Only keeps a broken run from hanging the build. */
    private static final long BOUND_SECONDS = 30;

    @TempDir
    Path dir;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ClientTimers timers = ClientTimers.of(Clock.systemUTC(), executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aTaskEndedBySigtermIsReportedAsTheSignalNotAsSuccess() throws Exception {
        RawExecDriver driver = new RawExecDriver(timers);
        TaskSpec spec = spec("echo up; exec sleep 60");
        TaskHandle handle = driver.start(spec);
        awaitFile(dir.resolve("logs/t.stdout.0"), "up\n");

        handle.kill("SIGTERM", TimeUnit.MINUTES.toNanos(1));
        ExitResult exit = handle.exited().get(BOUND_SECONDS, TimeUnit.SECONDS);

        assertThat(exit.exitCode()).isEqualTo(143);
        assertThat(exit.signal()).isEqualTo(15);
        assertThat(exit.successful()).isFalse();
    }

    @Test
    void aMissingCommandCannotStartAndTryingAgainWillNotHelp() throws Exception {
        RawExecDriver driver = new RawExecDriver(timers);

        assertThatThrownBy(() -> driver.start(spec("no-such-command-here", List.of())))
                .isInstanceOf(DriverException.class)
                .hasMessageStartingWith("failed to launch command with executor: no-such-command-here")
                .matches(e -> !((DriverException) e).recoverable());
    }

    @Test
    void aTaskThatEndedWhileDetachedIsReattachedAsEndedWithItsExitCode() throws Exception {
        TaskSpec spec = spec("echo before; while [ ! -e go ]; do sleep 0.05; done; echo after; exit 3");
        TaskHandle first = new RawExecDriver(timers).start(spec);
        long pid = first.pid();
        long started = first.pidStartMillis();
        awaitFile(dir.resolve("logs/t.stdout.0"), "before\n");
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();

        first.detach();
        Files.createFile(spec.taskDir().resolve("go"));
        process.onExit().get(BOUND_SECONDS, TimeUnit.SECONDS);
        TaskHandle again = new RawExecDriver(timers).reattach(spec, pid, started);

        assertThat(again.exited().get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo(new ExitResult(3, 0, ""));
        assertThat(first.exited()).isNotDone();
        // No agent read the pipe when the task ended: what it wrote then went with the pipe.
        assertThat(Files.readString(dir.resolve("logs/t.stdout.0"))).isEqualTo("before\n");
    }

    @Test
    void aTaskGoneWithoutAnExitStatusCannotBeReattached() throws Exception {
        TaskSpec spec = spec("exec sleep 60");
        TaskHandle first = new RawExecDriver(timers).start(spec);
        ProcessHandle process = ProcessHandle.of(first.pid()).orElseThrow();

        first.detach();
        // SIGKILL to the wrapper's group: nothing records how the task ended.
        new ProcessBuilder("kill", "-s", "KILL", "--", "-" + first.pid()).start().waitFor();
        process.onExit().get(BOUND_SECONDS, TimeUnit.SECONDS);

        assertThat(new RawExecDriver(timers).reattach(spec, first.pid(), first.pidStartMillis())).isNull();
    }

    private static void awaitFile(Path file, String content) {
        Awaitility.await().atMost(Duration.ofSeconds(BOUND_SECONDS))
                .until(() -> Files.exists(file) && Files.readString(file).equals(content));
    }

    private TaskSpec spec(String script) throws Exception {
        return spec("/bin/sh", List.of("-c", script));
    }

    private TaskSpec spec(String command, List<String> args) throws Exception {
        Task task = new Task();
        task.name = "t";
        task.driver = RawExecDriver.NAME;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command", command);
        config.put("args", args);
        task.config = config;
        Path taskDir = Files.createDirectories(dir.resolve("t"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        return new TaskSpec("0123456789abcdef", task, Map.of(), taskDir, new TaskLogs(logs, "t", 2, 1 << 20));
    }
}

package io.drover.client.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drover.client.ClientTimers;
import io.drover.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exec runs raw_exec's processes in their own namespaces, and refuses tasks where it cannot. */
class ExecDriverTest {
    @TempDir
    Path dir;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ClientTimers timers = ClientTimers.of(Clock.systemUTC(), executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aTaskIsPidOneInItsOwnPidNamespace() throws Exception {
        ExecDriver driver = new ExecDriver(timers);
        assumeTrue(driver.health().healthy(), "this host cannot isolate tasks: " + driver.health().description());

        TaskHandle handle = driver.start(spec("/bin/sh", List.of("-c", "echo $$")));
        // The bound only keeps a broken run from hanging the build.
        ExitResult exit = handle.exited().get(1, TimeUnit.MINUTES);

        assertThat(exit.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("logs/t.stdout.0")).strip()).isEqualTo("1");
    }

    @Test
    void aHostThatCannotIsolateSaysWhyAndRefusesTasks() {
        ExecDriver driver = new ExecDriver(timers, ExecDriver.isolation(false, true));

        assertThat(driver.health().healthy()).isFalse();
        assertThat(driver.health().description())
                .isEqualTo("exec needs root and unshare to isolate tasks: the agent is not root");
        assertThatThrownBy(() -> driver.start(spec("/bin/true", List.of())))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("exec needs root and unshare")
                .matches(e -> !((DriverException) e).recoverable());
    }

    @Test
    void isolationNeedsBothRootAndUnshare() {
        assertThat(ExecDriver.isolation(true, true)).isEqualTo(DriverHealth.HEALTHY);
        assertThat(ExecDriver.isolation(true, false).description()).endsWith("/usr/bin/unshare is missing");
        assertThat(ExecDriver.isolation(false, false).description())
                .endsWith("the agent is not root and /usr/bin/unshare is missing");
    }

    private TaskSpec spec(String command, List<String> args) throws Exception {
        Task task = new Task();
        task.name = "t";
        task.driver = ExecDriver.NAME;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command", command);
        config.put("args", args);
        task.config = config;
        Path taskDir = Files.createDirectories(dir.resolve("t"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        return new TaskSpec("0123456789abcdef", task, Map.of(), taskDir, new TaskLogs(logs, "t", 2, 1 << 20));
    }
}

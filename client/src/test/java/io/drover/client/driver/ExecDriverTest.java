package io.drover.client.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drover.client.ClientTimers;
import io.drover.model.Resources;
import io.drover.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exec runs raw_exec's processes in their own cgroup, namespaces and chroot, and refuses tasks
 * where it cannot. The tests that run tasks need a host that can isolate them (root, cgroups).
 */
class ExecDriverTest {
    /** Random, so that runs of this test elsewhere on the host do not share a cgroup. */
    private static final String ALLOC_ID = UUID.randomUUID().toString();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ClientTimers timers = ClientTimers.of(Clock.systemUTC(), executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private ExecDriver isolatingDriver() {
        ExecDriver driver = new ExecDriver(timers);
        assumeTrue(driver.health().healthy(), "this host cannot isolate tasks: " + driver.health().description());
        return driver;
    }

    /** The bound only keeps a broken run from hanging the build. */
    private static ExitResult await(TaskHandle handle) throws Exception {
        return handle.exited().get(1, TimeUnit.MINUTES);
    }

    /** What the task has written so far ("" before its first line: the log file appears with it). */
    private String stdout() throws Exception {
        Path log = dir.resolve("logs/t.stdout.0");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void aTaskIsPidOneInItsOwnPidNamespace() throws Exception {
        TaskHandle handle = isolatingDriver().start(spec("/bin/sh", List.of("-c", "echo $$"), 64));

        ExitResult exit = await(handle);

        assertThat(exit.exitCode()).isZero();
        assertThat(stdout().strip()).isEqualTo("1");
    }

    @Test
    void aTaskSeesItsTaskDirectoryAsRootWithTheSystemDirectoriesReadOnly() throws Exception {
        ExecDriver driver = isolatingDriver();
        Files.writeString(Files.createDirectories(dir.resolve("t/local")).resolve("hello.txt"), "from local\n");
        Files.createDirectories(dir.resolve("t/secrets"));
        Files.createDirectories(dir.resolve("t/tmp"));

        TaskHandle handle = driver.start(spec("/bin/sh", List.of("-c",
                "pwd; ls /; cat /local/hello.txt; echo shared > /alloc/from-task; touch /usr/x 2>/dev/null || echo ro"),
                64));

        assertThat(await(handle).exitCode()).isZero();
        List<String> lines = stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("/");
        assertThat(lines).contains("alloc", "local", "secrets", "tmp", "bin", "etc", "usr", "dev", "proc",
                "from local", "ro");
        assertThat(lines).doesNotContain("work", "root", "home", "var");
        assertThat(dir.resolve("alloc/from-task")).hasContent("shared");
    }

    @Test
    void theTaskJoinsItsCgroupBeforeItRunsAndTheCgroupGoesWithIt() throws Exception {
        ExecDriver driver = isolatingDriver();
        Cgroups cgroups = Cgroups.host();
        assumeTrue(cgroups instanceof CgroupsV1, "this test reads cgroup v1 files");
        String self = Files.readString(Path.of("/proc/self/cgroup"));
        Path memory = Path.of("/sys/fs/cgroup/memory", Cgroups.ownPath(self, "memory"), "drover", ALLOC_ID + "-t");
        Path cpu = Path.of("/sys/fs/cgroup/cpu", Cgroups.ownPath(self, "cpu"), "drover", ALLOC_ID + "-t");

        TaskHandle handle = driver.start(spec("/bin/sh", List.of("-c", "cat /proc/self/cgroup; exec sleep 600"), 64));
        // The limits are in place before the process starts.
        assertThat(Files.readString(memory.resolve("memory.limit_in_bytes")).strip())
                .isEqualTo(Long.toString(64L * 1024 * 1024));
        assertThat(Files.readString(cpu.resolve("cpu.shares")).strip()).isEqualTo("250");
        Awaitility.await().atMost(PATIENCE).until(() -> stdout().contains(":cpu:"));
        assertThat(Files.readString(memory.resolve("cgroup.procs"))).isNotBlank();
        handle.destroy();
        ExitResult exit = await(handle);

        assertThat(exit.exitCode()).isEqualTo(137);
        assertThat(exit.signal()).isEqualTo(9);
        assertThat(exit.oomKilled()).isFalse();
        assertThat(stdout().lines()).anyMatch(l -> l.matches("\\d+:memory:.*/drover/" + ALLOC_ID + "-t"))
                .anyMatch(l -> l.matches("\\d+:cpu:.*/drover/" + ALLOC_ID + "-t"));
        assertThat(memory).doesNotExist();
        assertThat(cpu).doesNotExist();
    }

    @Test
    void aTaskBeyondItsMemoryLimitIsOomKilled() throws Exception {
        // The shell holds 200 MB of 'a's in a variable; its limit is 32 MB.
        TaskHandle handle = isolatingDriver().start(spec("/bin/sh",
                List.of("-c", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived ${#x}"), 32));

        ExitResult exit = await(handle);

        assertThat(exit.oomKilled()).isTrue();
        assertThat(exit.exitCode()).isEqualTo(137);
        assertThat(exit.signal()).isEqualTo(9);
        assertThat(stdout()).doesNotContain("survived");
    }

    @Test
    void aReattachedTasksCgroupIsRemovedWhenItEnds() throws Exception {
        TaskSpec spec = spec("/bin/sh", List.of("-c", "echo ready; exec sleep 600"), 64);
        TaskHandle started = isolatingDriver().start(spec);
        Awaitility.await().atMost(PATIENCE).until(() -> stdout().contains("ready"));
        TaskCgroup cgroup = taskCgroup(started.pid());
        assertThat(cgroup.dirs()).allSatisfy(d -> assertThat(d).isDirectory());
        // The agent restarts: the next one finds the task, and its cgroup, from the pid it saved.
        started.detach();

        TaskHandle handle = new ExecDriver(timers).reattach(spec, started.pid(), started.pidStartMillis());
        handle.destroy();
        ExitResult exit = await(handle);

        assertThat(exit.signal()).isEqualTo(9);
        assertThat(cgroup.dirs()).allSatisfy(d -> assertThat(d).doesNotExist());
    }

    /** The task cgroup the wrapper's descendants run in. */
    private static TaskCgroup taskCgroup(long wrapperPid) {
        return ProcessHandle.of(wrapperPid).orElseThrow().descendants().map(p -> {
            try {
                return Cgroups.host().of(Files.readString(Path.of("/proc", Long.toString(p.pid()), "cgroup")));
            } catch (java.io.IOException e) {
                return java.util.Optional.<TaskCgroup>empty();
            }
        }).flatMap(java.util.Optional::stream).findFirst().orElseThrow();
    }

    @Test
    void aTaskThatHandlesTheKillSignalEndsAsItChooses() throws Exception {
        TaskHandle handle = isolatingDriver().start(spec("/bin/sh", List.of("-c",
                "trap 'echo stopping; exit 3' INT; echo ready; while :; do sleep 0.1; done"), 64));
        Awaitility.await().atMost(PATIENCE).until(() -> stdout().contains("ready"));

        handle.kill("SIGINT", TimeUnit.MINUTES.toNanos(1));
        ExitResult exit = await(handle);

        assertThat(exit.exitCode()).isEqualTo(3);
        assertThat(exit.signal()).isZero();
        assertThat(stdout()).contains("stopping");
    }

    @Test
    void aTaskWithinItsMemoryIsNotOomKilled() throws Exception {
        TaskHandle handle = isolatingDriver().start(spec("/bin/sh",
                List.of("-c", "x=$(head -c 1000000 /dev/zero | tr '\\0' a); echo ${#x}"), 64));

        ExitResult exit = await(handle);

        assertThat(exit.oomKilled()).isFalse();
        assertThat(exit.successful()).isTrue();
        assertThat(stdout().strip()).isEqualTo("1000000");
    }

    @Test
    void aHostThatCannotIsolateSaysWhyAndRefusesTasks() {
        ExecDriver driver = new ExecDriver(timers, ExecDriver.isolation(false, List.of(), ""));

        assertThat(driver.health().healthy()).isFalse();
        assertThat(driver.health().description()).isEqualTo("exec needs root, unshare, chroot, mount and writable"
                + " memory and cpu cgroups to isolate tasks: the agent is not root");
        assertThatThrownBy(() -> driver.start(spec("/bin/true", List.of(), 64)))
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("exec needs root")
                .matches(e -> !((DriverException) e).recoverable());
    }

    @Test
    void isolationNeedsRootTheToolsAndTheCgroupControllers() {
        assertThat(ExecDriver.isolation(true, List.of(), "")).isEqualTo(DriverHealth.HEALTHY);
        assertThat(ExecDriver.isolation(true, List.of("/usr/bin/unshare"), "").description())
                .endsWith(": /usr/bin/unshare is missing");
        assertThat(ExecDriver.isolation(false, List.of("/usr/bin/unshare", "/usr/sbin/chroot"), "").description())
                .endsWith(": the agent is not root and /usr/bin/unshare is missing and /usr/sbin/chroot is missing");
    }

    @Test
    void aHostWithoutTheCgroupControllersIsUnhealthyNamingThem(@TempDir Path sys) throws Exception {
        // A v1 host with only the cpu hierarchy mounted.
        Files.createDirectories(sys.resolve("cpu"));
        Files.writeString(sys.resolve("cpu/cgroup.procs"), "");
        Cgroups cgroups = Cgroups.detect(sys, "2:cpu:/\n1:memory:/\n");

        DriverHealth health = ExecDriver.isolation(true, List.of(), cgroups.missing());

        assertThat(health.healthy()).isFalse();
        assertThat(health.description())
                .endsWith(": the memory cgroup controller is not mounted at " + sys.resolve("memory"));
    }

    @Test
    void execTasksSeeTheirDirectoriesAtTheChrootsPaths() {
        assertThat(new ExecDriver(timers).fsIsolation()).isEqualTo(FSIsolation.CHROOT);
        assertThat(new RawExecDriver(timers).fsIsolation()).isEqualTo(FSIsolation.NONE);
    }

    private TaskSpec spec(String command, List<String> args, int memoryMb) throws Exception {
        Task task = new Task();
        task.name = "t";
        task.driver = ExecDriver.NAME;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command", command);
        config.put("args", args);
        task.config = config;
        task.resources = new Resources();
        task.resources.memoryMb = memoryMb;
        task.resources.cpu = 250;
        Path taskDir = Files.createDirectories(dir.resolve("t"));
        Files.createDirectories(dir.resolve("alloc"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        return new TaskSpec(ALLOC_ID, task, Map.of(), taskDir, new TaskLogs(logs, "t", 2, 1 << 20));
    }
}

package io.drover.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drover.client.ClientTimers;
import io.drover.client.TestAllocs;
import io.drover.client.driver.Driver;
import io.drover.client.driver.ExecDriver;
import io.drover.client.driver.MockDriver;
import io.drover.client.driver.RawExecDriver;
import io.drover.model.DispatchPayloadConfig;
import io.drover.model.Job;
import io.drover.model.Resources;
import io.drover.model.RestartPolicy;
import io.drover.model.Task;
import io.drover.model.TaskArtifact;
import io.drover.model.Template;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.alloc.TaskState;
import io.drover.model.launch.JobPayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allocations of raw_exec tasks run as real {@code /bin/sh -c} processes, on a state thread like the agent's. */
class AllocRunnerProcessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private final ScheduledExecutorService thread = new ScheduledThreadPoolExecutor(1);
    private final ClientTimers timers = ClientTimers.of(Clock.systemUTC(), thread);
    private final List<AllocRunner> runners = new ArrayList<>();
    private final ExecDriver exec = new ExecDriver(timers);

    @AfterEach
    void stop() throws Exception {
        on(() -> {
            runners.forEach(AllocRunner::destroy);
            return null;
        });
        thread.shutdownNow();
    }

    private <T> T on(Callable<T> action) throws Exception {
        return thread.submit(action).get();
    }

    private AllocRunner run(String type, String script, Map<String, String> env, RestartPolicy restart)
            throws Exception {
        return run(RawExecDriver.NAME, type, script, env, restart, (task, job) -> { });
    }

    private AllocRunner run(String type, String script, Map<String, String> env, RestartPolicy restart,
            BiConsumer<Task, Job> customize) throws Exception {
        return run(RawExecDriver.NAME, type, script, env, restart, customize);
    }

    private AllocRunner run(String driver, String type, String script, Map<String, String> env, RestartPolicy restart)
            throws Exception {
        return run(driver, type, script, env, restart, (task, job) -> { });
    }

    private AllocRunner run(String driver, String type, String script, Map<String, String> env, RestartPolicy restart,
            BiConsumer<Task, Job> customize) throws Exception {
        Task task = new Task();
        task.name = "t";
        task.driver = driver;
        task.config = new LinkedHashMap<>(Map.of("command", "/bin/sh", "args", List.of("-c", script)));
        task.env = env;
        task.meta = Map.of("rack", "r1");
        task.killTimeout = Duration.ofSeconds(1).toNanos();
        task.resources = new Resources();
        task.resources.cpu = 100;
        task.resources.memoryMb = 32;
        task.restartPolicy = restart;
        Job job = TestAllocs.job(type, task);
        customize.accept(task, job);
        Allocation a = TestAllocs.alloc("0b6f4d4e-8d0c-4a5e-9d37-" + String.format("%012d", runners.size()), "j.g[2]",
                job, "n1");
        AllocRunner.Context ctx = context();
        return on(() -> {
            AllocRunner r = new AllocRunner(a, ctx, x -> { });
            runners.add(r);
            r.start();
            return r;
        });
    }

    private AllocRunner.Context context() {
        Map<String, Driver> drivers = Map.of("raw_exec", new RawExecDriver(timers), "exec", exec,
                "mock_driver", new MockDriver(timers));
        return TestAllocs.runnerContext(data.resolve("alloc"), drivers, timers);
    }

    /** A runner of the next agent on the same data dir, taking the allocation up from what the last one saved. */
    private AllocRunner restore(LocalAllocState saved) throws Exception {
        AllocRunner.Context ctx = context();
        return on(() -> {
            AllocRunner r = new AllocRunner(saved.alloc, ctx, x -> { });
            runners.add(r);
            r.restore(saved);
            return r;
        });
    }

    private TaskState awaitStatus(AllocRunner r, String clientStatus) throws Exception {
        Awaitility.await().atMost(PATIENCE).until(() -> on(r::clientStatus).equals(clientStatus));
        return on(() -> r.clientUpdate().taskStates.get("t"));
    }

    private static List<String> types(TaskState s) {
        return s.events.stream().map(e -> e.type).toList();
    }

    @Test
    void exitZeroCompletesAndTheLogHoldsTheOutput() throws Exception {
        AllocRunner r = run("batch", "echo hi; echo oops >&2; exit 0", null, null);

        TaskState t = awaitStatus(r, Allocation.CLIENT_COMPLETE);

        assertThat(t.state).isEqualTo(TaskState.STATE_DEAD);
        assertThat(t.failed).isFalse();
        assertThat(t.startedAt).isNotNull();
        assertThat(t.finishedAt).isNotNull();
        assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED, TaskEvent.TERMINATED);
        assertThat(t.events.get(3).displayMessage).isEqualTo("Exit Code: 0");
        AllocDir dir = r.allocDir();
        assertThat(Files.readString(dir.stdout("t"))).isEqualTo("hi\n");
        assertThat(Files.readString(dir.stderr("t"))).isEqualTo("oops\n");
        for (Path p : List.of(dir.sharedDir().resolve("logs"), dir.sharedDir().resolve("tmp"),
                dir.sharedDir().resolve("data"), dir.taskDir("t").resolve("local"), dir.taskDir("t").resolve("secrets"),
                dir.taskDir("t").resolve("tmp"))) {
            assertThat(p).isDirectory();
        }
    }

    @Test
    void bothLogFilesExistFromTheStartEvenWhenNothingIsWritten() throws Exception {
        AllocRunner r = run("batch", "exit 0", null, null);

        awaitStatus(r, Allocation.CLIENT_COMPLETE);

        assertThat(r.allocDir().stdout("t")).isEmptyFile();
        assertThat(r.allocDir().stderr("t")).isEmptyFile();
    }

    @Test
    void exitOneWithoutRestartsFails() throws Exception {
        AllocRunner r = run("batch", "exit 1", null, new RestartPolicy(0, Duration.ofMinutes(1).toNanos(), 0, "fail"));

        TaskState t = awaitStatus(r, Allocation.CLIENT_FAILED);

        assertThat(t.failed).isTrue();
        assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED, TaskEvent.TERMINATED,
                TaskEvent.NOT_RESTARTING);
        assertThat(t.events.get(3).exitCode).isEqualTo(1);
        assertThat(t.events.get(4).displayMessage).isEqualTo(RestartTracker.REASON_NO_RESTARTS);
        assertThat(on(() -> r.clientUpdate().clientDescription)).isEqualTo("Failed tasks");
    }

    @Test
    void aFailingTaskIsRestartedPerItsPolicyThenFails() throws Exception {
        AllocRunner r = run("service", "exit 3",
                null, new RestartPolicy(2, Duration.ofMinutes(10).toNanos(), Duration.ofMillis(10).toNanos(), "fail"));

        TaskState t = awaitStatus(r, Allocation.CLIENT_FAILED);

        assertThat(t.restarts).isEqualTo(2L);
        assertThat(t.lastRestart).isNotNull();
        // Nomad keeps ten events: the last, Not Restarting, pushed Received out.
        assertThat(types(t)).containsExactly(TaskEvent.SETUP, TaskEvent.STARTED, TaskEvent.TERMINATED,
                TaskEvent.RESTARTING, TaskEvent.STARTED, TaskEvent.TERMINATED, TaskEvent.RESTARTING, TaskEvent.STARTED,
                TaskEvent.TERMINATED, TaskEvent.NOT_RESTARTING);
        assertThat(t.events.get(3).displayMessage).startsWith("Task restarting in ");
        assertThat(t.events.get(9).displayMessage)
                .isEqualTo("Exceeded allowed attempts 2 in interval 10m0s and mode is \"fail\"");
    }

    @Test
    void theTaskSeesNomadsEnvironmentAndItsOwnEnv() throws Exception {
        AllocRunner r = run("batch", "env", Map.of("GREETING", "hello ${NOMAD_TASK_NAME} on ${node.unique.id}"), null);

        awaitStatus(r, Allocation.CLIENT_COMPLETE);

        String out = Files.readString(r.allocDir().stdout("t"));
        AllocDir dir = r.allocDir();
        assertThat(out.lines().toList()).contains(
                "NOMAD_ALLOC_ID=" + r.id(),
                "NOMAD_ALLOC_NAME=j.g[2]",
                "NOMAD_ALLOC_INDEX=2",
                "NOMAD_JOB_NAME=j",
                "NOMAD_GROUP_NAME=g",
                "NOMAD_TASK_NAME=t",
                "NOMAD_ALLOC_DIR=" + dir.sharedDir(),
                "NOMAD_TASK_DIR=" + dir.localDir("t"),
                "NOMAD_SECRETS_DIR=" + dir.secretsDir("t"),
                "NOMAD_CPU_LIMIT=100",
                "NOMAD_MEMORY_LIMIT=32",
                "NOMAD_META_rack=r1",
                "NOMAD_META_RACK=r1",
                "GREETING=hello t on n1");
        assertThat(out).contains("PWD=" + dir.taskDir("t"));
    }

    @Test
    void stoppingKillsTheProcessWithinTheKillTimeout() throws Exception {
        // The shell ignores SIGINT, so only the forced kill after the 1 s kill timeout ends it.
        AllocRunner r = run("service", "trap '' INT; echo started; while true; do sleep 0.1; done", null, null);
        awaitStatus(r, Allocation.CLIENT_RUNNING);
        Awaitility.await().atMost(PATIENCE).until(() -> Files.readString(r.allocDir().stdout("t")).contains("started"));

        Allocation stop = new Allocation();
        stop.id = r.id();
        stop.nodeId = "n1";
        stop.desiredStatus = Allocation.DESIRED_STOP;
        on(() -> {
            r.update(stop);
            return null;
        });

        TaskState t = awaitStatus(r, Allocation.CLIENT_COMPLETE);
        assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED, TaskEvent.KILLING,
                TaskEvent.TERMINATED, TaskEvent.KILLED);
        assertThat(t.events.get(3).displayMessage).isEqualTo("Sent interrupt. Waiting 1s before force killing");
        assertThat(t.events.get(4).exitCode).isEqualTo(137);
        assertThat(t.events.get(4).signal).isEqualTo(9);
        assertThat(t.failed).isFalse();
    }

    @Test
    void aTaskThatHonoursSigintEndsBeforeTheTimeout() throws Exception {
        AllocRunner r = run("service", "exec sleep 60", null, null);
        awaitStatus(r, Allocation.CLIENT_RUNNING);

        Allocation stop = new Allocation();
        stop.id = r.id();
        stop.desiredStatus = Allocation.DESIRED_STOP;
        on(() -> {
            r.update(stop);
            return null;
        });

        TaskState t = awaitStatus(r, Allocation.CLIENT_COMPLETE);
        assertThat(t.events.get(4).signal).isEqualTo(2);
        assertThat(types(t)).endsWith(TaskEvent.KILLED);
    }

    private static TaskArtifact artifact(String source) {
        TaskArtifact a = new TaskArtifact();
        a.getterSource = source;
        a.getterMode = TaskArtifact.MODE_ANY;
        a.relativeDest = "local/";
        return a;
    }

    @Test
    void theTaskReadsTheArtifactFetchedBeforeItStarted() throws Exception {
        try (ArtifactServer server = new ArtifactServer()) {
            server.put("/greeting.txt", "hello from the artifact\n");
            AllocRunner r = run("batch", "cat \"$NOMAD_TASK_DIR/greeting.txt\"", null, null,
                    (task, job) -> task.artifacts = List.of(artifact(server.url("/greeting.txt"))));

            TaskState t = awaitStatus(r, Allocation.CLIENT_COMPLETE);

            assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.DOWNLOADING_ARTIFACTS,
                    TaskEvent.STARTED, TaskEvent.TERMINATED);
            assertThat(t.events.get(2).displayMessage).isEqualTo("Client is downloading artifacts");
            assertThat(Files.readString(r.allocDir().stdout("t"))).isEqualTo("hello from the artifact\n");
        }
    }

    @Test
    void aFailedDownloadIsRecoverableAndTheRestartPolicyDecides() throws Exception {
        try (ArtifactServer server = new ArtifactServer()) {
            String url = server.url("/missing.tgz");
            AllocRunner r = run("batch", "exit 0", null,
                    new RestartPolicy(1, Duration.ofMinutes(10).toNanos(), Duration.ofMillis(10).toNanos(), "fail"),
                    (task, job) -> task.artifacts = List.of(artifact(url)));

            TaskState t = awaitStatus(r, Allocation.CLIENT_FAILED);

            assertThat(t.failed).isTrue();
            assertThat(t.restarts).isEqualTo(1L);
            assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.DOWNLOADING_ARTIFACTS,
                    TaskEvent.ARTIFACT_DOWNLOAD_FAILED, TaskEvent.RESTARTING, TaskEvent.DOWNLOADING_ARTIFACTS,
                    TaskEvent.ARTIFACT_DOWNLOAD_FAILED, TaskEvent.NOT_RESTARTING);
            TaskEvent failed = t.events.get(3);
            String why = "failed to download artifact \"" + url + "\": bad response code: 404";
            assertThat(failed.downloadError).isEqualTo(why);
            assertThat(failed.details).containsEntry("download_error", why);
            assertThat(failed.displayMessage).isEqualTo(why);
            assertThat(t.events.get(7).displayMessage)
                    .isEqualTo("Exceeded allowed attempts 1 in interval 10m0s and mode is \"fail\"");
            assertThat(r.allocDir().stdout("t")).doesNotExist();
        }
    }

    @Test
    void artifactsFetchedBeforeAnAgentRestartAreNotFetchedAgain() throws Exception {
        AllocRunner first;
        LocalAllocState saved;
        try (ArtifactServer server = new ArtifactServer()) {
            server.put("/greeting.txt", "hello\n");
            // Fails once, then waits an hour to restart: the agent "restarts" in between.
            first = run("service", "cat \"$NOMAD_TASK_DIR/greeting.txt\"; exit 1", null,
                    new RestartPolicy(1, Duration.ofHours(2).toNanos(), Duration.ofHours(1).toNanos(), "fail"),
                    (task, job) -> task.artifacts = List.of(artifact(server.url("/greeting.txt"))));
            Awaitility.await().atMost(PATIENCE).until(() -> on(() -> types(first.clientUpdate().taskStates.get("t")))
                    .contains(TaskEvent.RESTARTING));
            saved = on(first::localState);
        }
        assertThat(saved.tasks.get("t").hooksDone).containsExactly("artifacts");
        on(() -> {
            first.destroy();
            return null;
        });

        // The artifact server is gone: a second download would fail the task's start.
        AllocRunner second = restore(saved);
        TaskState t = awaitStatus(second, Allocation.CLIENT_FAILED);

        assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.DOWNLOADING_ARTIFACTS,
                TaskEvent.STARTED, TaskEvent.TERMINATED, TaskEvent.RESTARTING, TaskEvent.STARTED,
                TaskEvent.TERMINATED, TaskEvent.NOT_RESTARTING);
        assertThat(Files.readString(second.allocDir().stdout("t"))).isEqualTo("hello\nhello\n");
    }

    @Test
    void stoppingDuringTheDownloadKillsTheTaskWithoutStartingIt() throws Exception {
        try (ArtifactServer server = new ArtifactServer()) {
            AllocRunner r = run("service", "exit 0", null, null,
                    (task, job) -> task.artifacts = List.of(artifact(server.url("/held"))));
            Allocation stop = new Allocation();
            stop.id = r.id();
            stop.desiredStatus = Allocation.DESIRED_STOP;
            // The server holds the download until it is closed: the stop comes while it is under way.
            assertThat(server.heldRequested.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            on(() -> {
                r.update(stop);
                return null;
            });

            TaskState t = awaitStatus(r, Allocation.CLIENT_COMPLETE);

            assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.DOWNLOADING_ARTIFACTS,
                    TaskEvent.KILLING, TaskEvent.KILLED);
            assertThat(t.failed).isFalse();
        }
    }

    private static Template template(String text, String dest) {
        Template t = new Template();
        t.embeddedTmpl = text;
        t.destPath = dest;
        return t;
    }

    @Test
    void theTaskReadsItsRenderedTemplatesAndDispatchPayload() throws Exception {
        AllocRunner r = run("batch", "cat local/app.conf local/input/payload.json; echo \"db=$DB_HOST\"", null, null,
                (task, job) -> {
                    Template env = template("DB_HOST=db-{{ env \"NOMAD_ALLOC_INDEX\" }}.internal\n", "secrets/db.env");
                    env.envvars = true;
                    task.templates = List.of(
                            template("{{/* rendered before start */}}job={{ env \"NOMAD_JOB_NAME\" }}\n"
                                    + "{{ if eq (env \"NOMAD_META_rack\") \"r1\" -}}\nrack=one\n{{- end }}\n", "local/app.conf"),
                            env);
                    task.dispatchPayload = new DispatchPayloadConfig();
                    task.dispatchPayload.file = "input/payload.json";
                    job.payload = JobPayload.compress("{\"n\": 1}\n".getBytes(StandardCharsets.UTF_8));
                });

        TaskState t = awaitStatus(r, Allocation.CLIENT_COMPLETE);

        assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED, TaskEvent.TERMINATED);
        assertThat(Files.readString(r.allocDir().stdout("t"))).isEqualTo("job=j\nrack=one\n{\"n\": 1}\ndb=db-2.internal\n");
    }

    @Test
    void aTemplateThatFailsToRenderFailsTheTaskBeforeItStarts() throws Exception {
        AllocRunner r = run("batch", "echo should not run", null, null,
                (task, job) -> task.templates = List.of(template("{{ service \"db\" }}", "local/x")));

        TaskState t = awaitStatus(r, Allocation.CLIENT_FAILED);

        assertThat(t.state).isEqualTo(TaskState.STATE_DEAD);
        assertThat(t.failed).isTrue();
        assertThat(t.startedAt).isNull();
        assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.KILLING);
        TaskEvent killing = t.events.get(2);
        assertThat(killing.failsTask).isTrue();
        assertThat(killing.displayMessage).startsWith("Template failed: (dynamic): execute: template: :1:3: ")
                .endsWith("function \"service\" needs Consul or Vault, which this node agent does not provide");
        assertThat(r.allocDir().stdout("t")).doesNotExist();
    }

    @Test
    void aPayloadThatCannotBeWrittenIsAnUnrecoverableHookFailure() throws Exception {
        AllocRunner r = run("batch", "echo should not run", null,
                new RestartPolicy(3, Duration.ofMinutes(10).toNanos(), Duration.ofMillis(10).toNanos(), "fail"),
                (task, job) -> {
                    task.dispatchPayload = new DispatchPayloadConfig();
                    task.dispatchPayload.file = "../../../outside";
                    job.payload = JobPayload.compress(new byte[] {1});
                });

        TaskState t = awaitStatus(r, Allocation.CLIENT_FAILED);

        assertThat(types(t)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.HOOK_FAILED,
                TaskEvent.NOT_RESTARTING);
        assertThat(t.events.get(2).displayMessage)
                .isEqualTo("dispatch_payload: dispatch payload file \"../../../outside\" escapes the task directory");
        assertThat(t.events.get(3).displayMessage).isEqualTo(RestartTracker.REASON_UNRECOVERABLE);
        assertThat(t.failed).isTrue();
    }

    @Test
    void anExecTaskSeesItsDirectoriesAtTheChrootsPaths() throws Exception {
        assumeTrue(exec.health().healthy(), "this host cannot isolate tasks: " + exec.health().description());
        AllocRunner r = run(ExecDriver.NAME, "batch",
                "echo $NOMAD_ALLOC_DIR $NOMAD_TASK_DIR $NOMAD_SECRETS_DIR; echo $GREETING; pwd; ls /;"
                        + " echo note > $NOMAD_ALLOC_DIR/data/note",
                Map.of("GREETING", "files in ${NOMAD_TASK_DIR}"), null);

        awaitStatus(r, Allocation.CLIENT_COMPLETE);

        List<String> out = Files.readString(r.allocDir().stdout("t")).lines().toList();
        assertThat(out.subList(0, 3)).containsExactly("/alloc /local /secrets", "files in /local", "/");
        assertThat(out.subList(3, out.size())).contains("alloc", "local", "secrets", "tmp", "usr")
                .doesNotContain("work", "root", "home");
        assertThat(r.allocDir().sharedDir().resolve("data/note")).hasContent("note");
    }

    @Test
    void anExecTaskBeyondItsMemoryIsReportedOomKilled() throws Exception {
        assumeTrue(exec.health().healthy(), "this host cannot isolate tasks: " + exec.health().description());
        // 200 MB of 'a's held in a shell variable, with 32 MB allowed.
        AllocRunner r = run(ExecDriver.NAME, "batch", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo ${#x}",
                null, new RestartPolicy(0, Duration.ofMinutes(1).toNanos(), 0, "fail"));

        TaskState t = awaitStatus(r, Allocation.CLIENT_FAILED);

        TaskEvent terminated = t.events.get(3);
        assertThat(terminated.type).isEqualTo(TaskEvent.TERMINATED);
        assertThat(terminated.details).containsEntry("oom_killed", "true");
        assertThat(terminated.exitCode).isEqualTo(137);
        assertThat(terminated.signal).isEqualTo(9);
    }
}

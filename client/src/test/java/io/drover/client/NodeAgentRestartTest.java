package io.drover.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.agent.NodeAgent;
import io.drover.client.agent.NodeAgentConfig;
import io.drover.model.RestartPolicy;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.alloc.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node agent restarted on its data dir takes up its running raw_exec task instead of starting it again. */
class NodeAgentRestartTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private final FakeNodeServer server = new FakeNodeServer();
    private NodeAgent first;
    private NodeAgent second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        server.close();
    }

    @Test
    void restartedAgentReattachesToTheRunningTaskAndStopsIt() throws Exception {
        NodeAgentConfig config = NodeAgentConfig.of(List.of(server.address()), data, "n1", "dc1", "127.0.0.1");
        first = new NodeAgent(config);
        first.start();
        // Each start of the task appends its pid: a second start would show as a second line.
        Allocation alloc = TestAllocs.of("a1", first.nodeId(), "raw_exec",
                Map.of("command", "/bin/sh", "args", List.of("-c", "echo $$ >> pids; exec sleep 300")));
        server.place(alloc);
        Path pids = data.resolve("alloc").resolve("a1").resolve("t").resolve("pids");
        Awaitility.await().atMost(PATIENCE).until(() -> status("a1").equals(Allocation.CLIENT_RUNNING)
                && !readPids(pids).isEmpty());
        long pid = Long.parseLong(readPids(pids).get(0));

        first.detach();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        int callsBefore = server.updateCalls.size();
        second = new NodeAgent(config);
        assertThat(second.nodeId()).isEqualTo(first.nodeId());
        second.start();
        Awaitility.await().atMost(PATIENCE).until(() -> server.updateCalls.size() > callsBefore);

        Allocation reported = server.lastReported.get("a1");
        assertThat(reported.clientStatus).isEqualTo(Allocation.CLIENT_RUNNING);
        TaskState task = reported.taskStates.get("t");
        assertThat(task.state).isEqualTo(TaskState.STATE_RUNNING);
        assertThat(task.events).filteredOn(e -> TaskEvent.STARTED.equals(e.type)).hasSize(1);
        assertThat(readPids(pids)).containsExactly(Long.toString(pid));
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        server.stop("a1");
        Awaitility.await().atMost(PATIENCE).until(() -> status("a1").equals(Allocation.CLIENT_COMPLETE));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        TaskState stopped = server.lastReported.get("a1").taskStates.get("t");
        assertThat(stopped.events).extracting(e -> e.type).contains(TaskEvent.KILLING, TaskEvent.KILLED);
        // Nomad's default kill signal, SIGINT, reported as such although this agent did not start the task.
        assertThat(stopped.events).filteredOn(e -> TaskEvent.TERMINATED.equals(e.type)).singleElement()
                .satisfies(e -> {
                    assertThat(e.exitCode).isEqualTo(130);
                    assertThat(e.signal).isEqualTo(2);
                });
        assertThat(readPids(pids)).hasSize(1);
    }

    @Test
    void taskThatDiedWhileTheAgentWasDownIsRestartedByItsPolicy() throws Exception {
        NodeAgentConfig config = NodeAgentConfig.of(List.of(server.address()), data, "n1", "dc1", "127.0.0.1");
        first = new NodeAgent(config);
        first.start();
        Allocation alloc = TestAllocs.of("a1", first.nodeId(), "raw_exec",
                Map.of("command", "/bin/sh", "args", List.of("-c", "echo $$ >> pids; exec sleep 300")));
        alloc.job.taskGroups.get(0).tasks.get(0).restartPolicy = new RestartPolicy(2,
                Duration.ofMinutes(5).toNanos(), Duration.ofMillis(100).toNanos(), RestartPolicy.MODE_FAIL);
        server.place(alloc);
        Path pids = data.resolve("alloc").resolve("a1").resolve("t").resolve("pids");
        Awaitility.await().atMost(PATIENCE).until(() -> status("a1").equals(Allocation.CLIENT_RUNNING)
                && !readPids(pids).isEmpty());
        long pid = Long.parseLong(readPids(pids).get(0));

        first.detach();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Awaitility.await().atMost(PATIENCE).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));

        second = new NodeAgent(config);
        second.start();
        Awaitility.await().atMost(PATIENCE).until(() -> readPids(pids).size() == 2);
        Awaitility.await().atMost(PATIENCE).until(() -> status("a1").equals(Allocation.CLIENT_RUNNING)
                && server.lastReported.get("a1").taskStates.get("t").restarts == 1L);
        TaskState task = server.lastReported.get("a1").taskStates.get("t");
        assertThat(task.events).extracting(e -> e.type).containsSubsequence(TaskEvent.STARTED, TaskEvent.TERMINATED,
                TaskEvent.RESTARTING, TaskEvent.STARTED);
        // The task's wrapper recorded how it ended (SIGKILL, which this agent did not send: a plain code).
        assertThat(task.events).filteredOn(e -> TaskEvent.TERMINATED.equals(e.type)).singleElement()
                .satisfies(e -> {
                    assertThat(e.exitCode).isEqualTo(137);
                    assertThat(e.signal).isZero();
                });
        long restarted = Long.parseLong(readPids(pids).get(1));
        assertThat(ProcessHandle.of(restarted)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    }

    @Test
    void outputWrittenWhileTheAgentWasDetachedReachesTheLogAfterReattach() throws Exception {
        NodeAgentConfig config = NodeAgentConfig.of(List.of(server.address()), data, "n1", "dc1", "127.0.0.1");
        first = new NodeAgent(config);
        first.start();
        server.place(TestAllocs.of("a1", first.nodeId(), "raw_exec", Map.of("command", "/bin/sh", "args",
                List.of("-c", "echo before; while [ ! -e go ]; do sleep 0.05; done; echo after; touch said; "
                        + "exec sleep 300"))));
        Path taskDir = data.resolve("alloc").resolve("a1").resolve("t");
        Path stdout = data.resolve("alloc").resolve("a1").resolve("alloc").resolve("logs").resolve("t.stdout.0");
        Awaitility.await().atMost(PATIENCE).until(() -> read(stdout).equals("before\n"));

        first.detach();
        Files.createFile(taskDir.resolve("go"));
        Awaitility.await().atMost(PATIENCE).until(() -> Files.exists(taskDir.resolve("said")));
        // Written while no agent reads: it waits in the task's pipe, not lost, not yet in the file.
        assertThat(read(stdout)).isEqualTo("before\n");

        second = new NodeAgent(config);
        second.start();

        Awaitility.await().atMost(PATIENCE).until(() -> read(stdout).equals("before\nafter\n"));
        assertThat(stdout.resolveSibling("t.stdout.1")).doesNotExist();
    }

    @Test
    void theExitCodeOfAReattachedTaskIsReportedAndItsPolicyApplied() throws Exception {
        NodeAgentConfig config = NodeAgentConfig.of(List.of(server.address()), data, "n1", "dc1", "127.0.0.1");
        first = new NodeAgent(config);
        first.start();
        Allocation alloc = TestAllocs.of("a1", first.nodeId(), "raw_exec", Map.of("command", "/bin/sh", "args",
                List.of("-c", "while [ ! -e go ]; do sleep 0.05; done; exit 3")));
        alloc.job.taskGroups.get(0).tasks.get(0).restartPolicy = new RestartPolicy(0,
                Duration.ofMinutes(5).toNanos(), Duration.ofMillis(100).toNanos(), RestartPolicy.MODE_FAIL);
        server.place(alloc);
        Path taskDir = data.resolve("alloc").resolve("a1").resolve("t");
        Awaitility.await().atMost(PATIENCE).until(() -> status("a1").equals(Allocation.CLIENT_RUNNING));

        first.detach();
        second = new NodeAgent(config);
        second.start();
        Files.createFile(taskDir.resolve("go"));

        Awaitility.await().atMost(PATIENCE).until(() -> status("a1").equals(Allocation.CLIENT_FAILED));
        TaskState task = server.lastReported.get("a1").taskStates.get("t");
        assertThat(task.failed).isTrue();
        assertThat(task.events).extracting(e -> e.type).endsWith(TaskEvent.TERMINATED, TaskEvent.NOT_RESTARTING);
        assertThat(task.events).filteredOn(e -> TaskEvent.TERMINATED.equals(e.type)).singleElement()
                .satisfies(e -> {
                    assertThat(e.exitCode).isEqualTo(3);
                    assertThat(e.signal).isZero();
                });
    }

    @Test
    void restartsUsedBeforeTheAgentRestartStillCount() throws Exception {
        NodeAgentConfig config = NodeAgentConfig.of(List.of(server.address()), data, "n1", "dc1", "127.0.0.1");
        first = new NodeAgent(config);
        first.start();
        // The first run fails at once; the second waits for `go`, then fails too.
        Allocation alloc = TestAllocs.of("a1", first.nodeId(), "raw_exec", Map.of("command", "/bin/sh", "args",
                List.of("-c", "echo $$ >> pids; [ $(wc -l < pids) -ge 2 ] || exit 3; "
                        + "while [ ! -e go ]; do sleep 0.05; done; exit 3")));
        alloc.job.taskGroups.get(0).tasks.get(0).restartPolicy = new RestartPolicy(1,
                Duration.ofMinutes(5).toNanos(), Duration.ofMillis(100).toNanos(), RestartPolicy.MODE_FAIL);
        server.place(alloc);
        Path taskDir = data.resolve("alloc").resolve("a1").resolve("t");
        Path pids = taskDir.resolve("pids");
        Awaitility.await().atMost(PATIENCE).until(() -> readPids(pids).size() == 2
                && status("a1").equals(Allocation.CLIENT_RUNNING)
                && server.lastReported.get("a1").taskStates.get("t").restarts == 1L);

        first.detach();
        second = new NodeAgent(config);
        second.start();
        Files.createFile(taskDir.resolve("go"));

        Awaitility.await().atMost(PATIENCE).until(() -> status("a1").equals(Allocation.CLIENT_FAILED));
        TaskState task = server.lastReported.get("a1").taskStates.get("t");
        assertThat(task.restarts).isEqualTo(1L);
        assertThat(task.events).last().satisfies(e -> {
            assertThat(e.type).isEqualTo(TaskEvent.NOT_RESTARTING);
            assertThat(e.displayMessage).isEqualTo("Exceeded allowed attempts 1 in interval 5m0s and mode is \"fail\"");
        });
        assertThat(readPids(pids)).hasSize(2);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private String status(String allocId) {
        Allocation a = server.lastReported.get(allocId);
        return a == null ? "" : a.clientStatus;
    }

    private static List<String> readPids(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }
}

package io.drover.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.agent.NodeAgent;
import io.drover.client.agent.NodeAgentConfig;
import io.drover.model.Allocation;
import io.drover.model.RestartPolicy;
import io.drover.model.TaskEvent;
import io.drover.model.TaskState;
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
        assertThat(server.lastReported.get("a1").taskStates.get("t").events).extracting(e -> e.type)
                .contains(TaskEvent.KILLING, TaskEvent.KILLED);
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
        assertThat(task.events).filteredOn(e -> TaskEvent.TERMINATED.equals(e.type)).singleElement()
                .satisfies(e -> assertThat(e.exitCode).isEqualTo(-1));
        long restarted = Long.parseLong(readPids(pids).get(1));
        assertThat(ProcessHandle.of(restarted)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    }

    private String status(String allocId) {
        Allocation a = server.lastReported.get(allocId);
        return a == null ? "" : a.clientStatus;
    }

    private static List<String> readPids(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }
}

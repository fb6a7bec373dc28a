package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drover.client.agent.NodeAgent;
import io.drover.client.agent.NodeAgentConfig;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real node agents (in this JVM, running raw_exec tasks as real processes) against three
 * server processes: a service job runs one task on each; killing the leader leaves the tasks
 * running under the same allocations while the agents go on reporting through the new leader;
 * closing one agent (which ends its tasks) makes its node go down, its allocation lost, and the
 * replacement run on the other agent. Tests run in order on one cluster and one pair of agents.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeAgentFailoverIT {
    /** Short heartbeat TTLs, so that a closed agent's node is down within seconds. */
    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.ofThreeWithShortHeartbeats();

    /** Two cores run three servers, two agents and their tasks: every bound is generous. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String WEB = "web";
    private static final String GROUP = "g";
    private static final String TASK = "t";
    /**
     * Each task writes its shell's PID into its task dir (through a rename, so that a reader never
     * sees half a file) and then becomes {@code sleep}: the PID the test reads is the process that
     * runs for the hour.
     */
    private static final String SLEEPER = "echo $$ > $NOMAD_TASK_DIR/pid.tmp && mv $NOMAD_TASK_DIR/pid.tmp"
            + " $NOMAD_TASK_DIR/pid && exec sleep 3600";

    private static final List<Path> dataDirs = new ArrayList<>();
    private static final Set<Long> taskPids = new TreeSet<>();
    private static NodeAgent first;
    private static NodeAgent second;
    /** What the first test saw running: allocation ID to the PID of its task. */
    private static Map<String, Long> webPids;

    @AfterAll
    static void stopAgentsAndTasks() {
        for (NodeAgent agent : new NodeAgent[] {first, second}) {
            if (agent != null) {
                agent.close();
            }
        }
        // Closing an agent kills its tasks; anything that survived that is killed here, so that
        // no sleeper outlives the test run.
        for (long pid : taskPids) {
            ProcessHandle.of(pid).filter(NodeAgentFailoverIT::isSleeper).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (Path dir : dataDirs) {
            deleteRecursively(dir);
        }
    }

    @Test
    @Order(1)
    void aServiceJobRunsOneRealTaskOnEachAgent() throws IOException {
        first = startAgent("agent-1");
        second = startAgent("agent-2");
        Set<String> nodeIds = Set.of(first.nodeId(), second.nodeId());
        for (ServerProcess s : cluster.servers()) {
            Await.until(s.name() + " lists both agents' nodes ready (?stale)", BOUND,
                    () -> readyNodeIds(s).equals(nodeIds));
        }

        Answer reg = cluster.leader().api().register(Jobs.rawExecService(WEB, GROUP, 2, SLEEPER));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        List<Allocs.Alloc> running = awaitRunning(WEB, 2);
        assertThat(running.stream().map(Allocs.Alloc::nodeId).collect(Collectors.toSet()))
                .as("nodes of the running allocations of " + WEB).isEqualTo(nodeIds);
        webPids = awaitLiveTasks(running);
    }

    @Test
    @Order(2)
    void killingTheLeaderLeavesTheTasksRunningAndTheAgentsReportThroughTheNewLeader() {
        assumeTrue(webPids != null, "needs the job of the first test");
        ServerProcess oldLeader = cluster.leader();
        oldLeader.kill();
        ServerProcess newLeader = cluster.leader();
        assertThat(newLeader).isNotSameAs(oldLeader);

        // The agents report through the new leader: a job registered now is placed, started and
        // reported running on both of them.
        String after = "after-failover";
        Answer reg = newLeader.api().register(Jobs.rawExecService(after, GROUP, 2, SLEEPER));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
        List<Allocs.Alloc> afterRunning = awaitRunning(after, 2);
        assertThat(afterRunning.stream().map(Allocs.Alloc::nodeId).collect(Collectors.toSet()))
                .as("nodes of the running allocations of " + after)
                .isEqualTo(Set.of(first.nodeId(), second.nodeId()));
        awaitLiveTasks(afterRunning);

        // The first job went through the failover untouched: the same allocations, still
        // running, by the same processes.
        List<Allocs.Alloc> web = Allocs.live(Allocs.ofJob(cluster.leader(), WEB, false));
        assertThat(web).as("live allocations of " + WEB + " after the failover").hasSize(2)
                .allMatch(Allocs.Alloc::running);
        assertThat(web.stream().map(Allocs.Alloc::id).collect(Collectors.toSet())).isEqualTo(webPids.keySet());
        assertThat(Allocs.ofJob(cluster.leader(), WEB, false)).as("every allocation of " + WEB).hasSize(2);
        for (Map.Entry<String, Long> task : webPids.entrySet()) {
            assertThat(readPid(taskDir(task.getKey()))).as("PID of the task of " + task.getKey())
                    .contains(task.getValue());
            assertThat(ProcessHandle.of(task.getValue()).filter(NodeAgentFailoverIT::isSleeper))
                    .as("the task process of " + task.getKey()).isPresent();
        }
        assertThat(readyNodeIds(cluster.leader())).as("ready nodes on the new leader")
                .isEqualTo(Set.of(first.nodeId(), second.nodeId()));
    }

    @Test
    @Order(3)
    void closingAnAgentMakesItsNodeDownAndItsAllocationIsReplacedOnTheOther() {
        assumeTrue(webPids != null, "needs the job of the first test");
        String closedNode = first.nodeId();
        String otherNode = second.nodeId();
        Allocs.Alloc onClosed = Allocs.live(Allocs.ofJob(cluster.leader(), WEB, false)).stream()
                .filter(a -> closedNode.equals(a.nodeId())).findFirst()
                .orElseThrow(() -> new AssertionError("no live allocation of " + WEB + " on " + closedNode));
        long closedPid = webPids.get(onClosed.id());

        first.close();
        Await.until("the task process " + closedPid + " of the closed agent has ended", BOUND,
                () -> ProcessHandle.of(closedPid).filter(NodeAgentFailoverIT::isSleeper).isEmpty());
        Await.until("the closed agent's node " + closedNode + " is down", BOUND,
                () -> nodeStatuses(cluster.leader()).equals(Map.of(closedNode, "down", otherNode, "ready")));

        Set<String> names = Placements.expectedNames(WEB, GROUP, 2);
        List<Allocs.Alloc> replaced = Await.value("the allocation on " + closedNode + " is lost and both of "
                + WEB + "'s allocations run on " + otherNode, BOUND, () -> {
                    List<Allocs.Alloc> allocs = Allocs.ofJob(cluster.leader(), WEB, false);
                    Optional<Allocs.Alloc> lost = allocs.stream().filter(a -> a.id().equals(onClosed.id())).findFirst();
                    List<Allocs.Alloc> live = Allocs.live(allocs);
                    boolean done = lost.isPresent() && "lost".equals(lost.get().clientStatus())
                            && "stop".equals(lost.get().desiredStatus())
                            && live.size() == 2 && live.stream().allMatch(Allocs.Alloc::running)
                            && live.stream().allMatch(a -> otherNode.equals(a.nodeId()))
                            && live.stream().map(Allocs.Alloc::name).collect(Collectors.toSet()).equals(names);
                    return done ? Optional.of(live) : Optional.empty();
                });
        Map<String, Long> pids = awaitLiveTasks(replaced);
        Allocs.Alloc replacement = replaced.stream().filter(a -> !webPids.containsKey(a.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no new allocation among " + replaced));
        assertThat(replacement.name()).as("the replacement takes the lost allocation's name").isEqualTo(onClosed.name());
        webPids.forEach((alloc, pid) -> {
            if (!alloc.equals(onClosed.id())) {
                assertThat(pids).as("the other agent's task went on untouched").containsEntry(alloc, pid);
            }
        });
        assertThat(Allocs.ofJob(cluster.leader(), WEB, false)).as("allocations of " + WEB).hasSize(3);
    }

    private static NodeAgent startAgent(String name) throws IOException {
        Path dir = Files.createTempDirectory("drover-" + name + "-");
        dataDirs.add(dir);
        NodeAgent agent = new NodeAgent(NodeAgentConfig.of(grpcAddresses(), dir, name, "dc1", "127.0.0.1"));
        agent.start();
        return agent;
    }

    /** Waits until {@code job} has exactly {@code count} live allocations, all reported running. */
    private static List<Allocs.Alloc> awaitRunning(String job, int count) {
        return Await.value(count + " allocations of " + job + " reported running", BOUND, () -> {
            List<Allocs.Alloc> live = Allocs.live(Allocs.ofJob(cluster.leader(), job, false));
            boolean done = live.size() == count && live.stream().allMatch(Allocs.Alloc::running);
            return done ? Optional.of(live) : Optional.empty();
        });
    }

    /**
     * Waits until every allocation's task has written its PID and that process is alive; returns
     * allocation ID to PID, remembering the PIDs for the cleanup.
     */
    private static Map<String, Long> awaitLiveTasks(List<Allocs.Alloc> allocs) {
        Map<String, Long> out = new TreeMap<>();
        for (Allocs.Alloc a : allocs) {
            Path dir = taskDir(a.id());
            long pid = Await.value("the task of " + a.id() + " has written its PID under " + dir, BOUND,
                    () -> readPid(dir));
            taskPids.add(pid);
            assertThat(ProcessHandle.of(pid).filter(NodeAgentFailoverIT::isSleeper))
                    .as("the task process " + pid + " of " + a.id()).isPresent();
            out.put(a.id(), pid);
        }
        return out;
    }

    /** The task's {@code local/} dir, in whichever agent's data dir holds the allocation. */
    private static Path taskDir(String allocId) {
        return dataDirs.stream().map(d -> d.resolve("alloc").resolve(allocId).resolve(TASK).resolve("local"))
                .filter(Files::isDirectory).findFirst().orElse(dataDirs.get(0).resolve("no-such-alloc-" + allocId));
    }

    private static Optional<Long> readPid(Path taskLocalDir) {
        try {
            return Optional.of(Long.parseLong(Files.readString(taskLocalDir.resolve("pid")).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code p} is still one of the tasks' {@code sleep} processes, not a reused PID. */
    private static boolean isSleeper(ProcessHandle p) {
        return p.isAlive() && p.info().commandLine().map(c -> c.contains("sleep 3600")).orElse(false);
    }

    private static List<String> grpcAddresses() {
        return cluster.servers().stream().map(ServerProcess::grpcAddress).toList();
    }

    /** IDs of the nodes {@code s} (?stale) lists as ready and eligible. */
    private static Set<String> readyNodeIds(ServerProcess s) {
        return nodeStatuses(s, "/v1/nodes?stale").entrySet().stream().filter(e -> "ready".equals(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> nodeStatuses(ServerProcess s) {
        return nodeStatuses(s, "/v1/nodes");
    }

    /** Status by node ID of the nodes {@code s} lists at {@code path}; ineligible ones count as not ready. */
    private static Map<String, String> nodeStatuses(ServerProcess s, String path) {
        Map<String, String> out = new TreeMap<>();
        Allocs.ok(s, path).forEach(n -> out.put(n.get("ID").asText(),
                "eligible".equals(n.get("SchedulingEligibility").asText()) ? n.get("Status").asText() : "ineligible"));
        return out;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("[agents] could not remove " + dir + ": " + e);
        }
    }
}

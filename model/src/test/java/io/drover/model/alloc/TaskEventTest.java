package io.drover.model.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.model.node.Nodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task event display messages (Nomad's TestTaskEventPopulate) and scheduling metrics. */
class TaskEventTest {
    private static TaskEvent ev(String type) {
        return new TaskEvent(type, 1L);
    }

    @Test
    void displayMessagesFollowTheEventType() {
        TaskEvent prepopulated = ev(TaskEvent.SETUP);
        prepopulated.displayMessage = "Hola";
        long twoSeconds = Duration.ofSeconds(2).toNanos();
        List<Object[]> cases = List.of(
                new Object[] {prepopulated, "Hola"},
                new Object[] {ev(TaskEvent.SETUP).setMessage("Setup"), "Setup"},
                new Object[] {ev(TaskEvent.STARTED), "Task started by client"},
                new Object[] {ev(TaskEvent.RECEIVED), "Task received by client"},
                new Object[] {ev(TaskEvent.FAILED_VALIDATION), "Validation of task failed"},
                new Object[] {ev(TaskEvent.FAILED_VALIDATION).setValidationError("task failed validation"),
                        "task failed validation"},
                new Object[] {ev(TaskEvent.SETUP_FAILURE), "Task setup failed"},
                new Object[] {ev(TaskEvent.SETUP_FAILURE).setSetupError("task failed setup"), "task failed setup"},
                new Object[] {ev(TaskEvent.DRIVER_FAILURE), "Failed to start task"},
                new Object[] {ev(TaskEvent.DOWNLOADING_ARTIFACTS), "Client is downloading artifacts"},
                new Object[] {ev(TaskEvent.ARTIFACT_DOWNLOAD_FAILED), "Failed to download artifacts"},
                new Object[] {ev(TaskEvent.ARTIFACT_DOWNLOAD_FAILED).setDownloadError("connection reset by peer"),
                        "connection reset by peer"},
                new Object[] {ev(TaskEvent.RESTARTING).setRestartDelay(twoSeconds)
                        .setRestartReason(TaskEvent.REASON_WITHIN_POLICY), "Task restarting in 2s"},
                new Object[] {ev(TaskEvent.RESTARTING).setRestartReason("Chaos Monkey did it"),
                        "Chaos Monkey did it - Task restarting in 0s"},
                new Object[] {ev(TaskEvent.KILLING), "Sent interrupt"},
                new Object[] {ev(TaskEvent.KILLING).setKillReason("Its time for you to die"), "Its time for you to die"},
                new Object[] {ev(TaskEvent.KILLING).setKillTimeout(Duration.ofSeconds(1).toNanos()),
                        "Sent interrupt. Waiting 1s before force killing"},
                new Object[] {ev(TaskEvent.TERMINATED).setExitCode(-1).setSignal(3), "Exit Code: -1, Signal: 3"},
                new Object[] {ev(TaskEvent.TERMINATED).setMessage("Goodbye"), "Exit Code: 0, Exit Message: \"Goodbye\""},
                new Object[] {ev(TaskEvent.KILLED), "Task successfully killed"},
                new Object[] {ev(TaskEvent.KILLED).setKillError("undead creatures can't be killed"),
                        "undead creatures can't be killed"},
                new Object[] {ev(TaskEvent.NOT_RESTARTING).setRestartReason("Chaos Monkey did it"), "Chaos Monkey did it"},
                new Object[] {ev(TaskEvent.NOT_RESTARTING), "Task exceeded restart policy"},
                new Object[] {ev(TaskEvent.LEADER_DEAD), "Leader Task in Group dead"},
                new Object[] {ev(TaskEvent.SIBLING_FAILED), "Task's sibling failed"},
                new Object[] {ev(TaskEvent.SIBLING_FAILED).setFailedSibling("patient zero"),
                        "Task's sibling \"patient zero\" failed"},
                new Object[] {ev(TaskEvent.SIGNALING), "Task being sent a signal"},
                new Object[] {ev(TaskEvent.SIGNALING).setTaskSignal("interrupt"), "Task being sent signal interrupt"},
                new Object[] {ev(TaskEvent.SIGNALING).setTaskSignal("interrupt").setTaskSignalReason("process interrupted"),
                        "Task being sent signal interrupt: process interrupted"},
                new Object[] {ev(TaskEvent.RESTART_SIGNAL), "Task signaled to restart"},
                new Object[] {ev(TaskEvent.RESTART_SIGNAL).setRestartReason("Chaos Monkey restarted it"),
                        "Chaos Monkey restarted it"},
                new Object[] {ev(TaskEvent.DRIVER_MESSAGE).setDriverMessage("YOLO"), "YOLO"},
                new Object[] {ev("Unknown Type, No message"), ""},
                new Object[] {ev("Unknown Type").setMessage("Hello world"), "Hello world"});

        for (Object[] c : cases) {
            TaskEvent e = (TaskEvent) c[0];
            e.populateDisplayMessage();
            assertThat(e.displayMessage).as(e.type).isEqualTo(c[1]);
        }
    }

    @Test
    void settersFillTheDetailsAsNomadDoes() {
        TaskEvent e = ev(TaskEvent.KILLING).setKillTimeout(Duration.ofSeconds(5).toNanos()).setFailsTask();
        assertThat(e.details).containsExactly(Map.entry("kill_timeout", "5s"),
                Map.entry("fails_task", "true"));
        assertThat(e.killTimeout).isEqualTo(5_000_000_000L);
        assertThat(e.failsTask).isTrue();
    }

    @Test
    void metricsCountFilteredAndExhaustedNodesByClassAndReason() {
        Node classed = Nodes.mock("a");
        Node plain = Nodes.mock("b");
        plain.nodeClass = "";
        AllocMetric m = new AllocMetric();

        m.evaluateNode();
        m.evaluateNode();
        m.filterNode(classed, "${attr.kernel.name} = windows");
        m.filterNode(plain, "");
        m.exhaustedNode(classed, "memory");
        m.exhaustedNode(classed, "memory");

        assertThat(m.nodesEvaluated).isEqualTo(2);
        assertThat(m.nodesFiltered).isEqualTo(2);
        assertThat(m.classFiltered).containsExactly(Map.entry("linux-medium-pci", 1));
        assertThat(m.constraintFiltered).containsExactly(Map.entry("${attr.kernel.name} = windows", 1));
        assertThat(m.nodesExhausted).isEqualTo(2);
        assertThat(m.dimensionExhausted).containsExactly(Map.entry("memory", 2));
    }

    @Test
    void scoreMetaDataKeepsTheTopFiveBestFirst() {
        AllocMetric m = new AllocMetric();
        double[] scores = {0.3, 0.9, 0.1, 0.5, 0.7, 0.2, 0.8, 0.8};
        for (int i = 0; i < scores.length; i++) {
            Node n = new Node();
            n.id = "n" + i;
            m.scoreNode(n, "binpack", scores[i] * 18);
            m.scoreNode(n, AllocMetric.NORM_SCORER_NAME, scores[i]);
        }

        m.populateScoreMetaData();

        assertThat(m.scoreMetaData).extracting(s -> s.nodeId).containsExactly("n1", "n6", "n7", "n4", "n3");
        assertThat(m.scoreMetaData.get(0).scores).containsEntry("binpack", 0.9 * 18);
        assertThat(m.scoreMetaData.get(0).normScore).isEqualTo(0.9);
        String json = new String(NomadJson.write(m));
        assertThat(json).startsWith("{\"NodesEvaluated\":0,\"NodesFiltered\":0,\"NodesAvailable\":null,")
                .endsWith("\"AllocationTime\":0,\"CoalescedFailures\":0}")
                .doesNotContain("current").doesNotContain("\"top\"");
        assertThat((Object) NomadJson.mapper().valueToTree(m.copy())).isEqualTo(NomadJson.mapper().valueToTree(m));
    }

    @Test
    void aTaskStateIsSuccessfulWhenDeadWithoutFailing() {
        TaskState s = new TaskState();
        s.canonicalize();
        assertThat(s.state).isEqualTo(TaskState.STATE_PENDING);
        assertThat(s.successful()).isFalse();
        s.state = TaskState.STATE_DEAD;
        assertThat(s.successful()).isTrue();
        s.failed = true;
        assertThat(s.successful()).isFalse();
    }
}

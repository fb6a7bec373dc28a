package io.drover.state;

import static io.drover.testkit.fixtures.Commands.job;
import static io.drover.testkit.fixtures.Commands.register;
import static io.drover.testkit.fixtures.NodeAllocCommands.clientUpdate;
import static io.drover.testkit.fixtures.NodeAllocCommands.desiredTransitions;
import static io.drover.testkit.fixtures.NodeAllocCommands.drain;
import static io.drover.testkit.fixtures.NodeAllocCommands.node;
import static io.drover.testkit.fixtures.NodeAllocCommands.nodeEval;
import static io.drover.testkit.fixtures.NodeAllocCommands.placement;
import static io.drover.testkit.fixtures.NodeAllocCommands.plan;
import static io.drover.testkit.fixtures.NodeAllocCommands.planResults;
import static io.drover.testkit.fixtures.NodeAllocCommands.report;
import static io.drover.testkit.fixtures.NodeAllocCommands.status;
import static io.drover.testkit.fixtures.NodeAllocCommands.stopped;
import static io.drover.testkit.fixtures.NodeAllocCommands.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every server applies the same log: the same commands on two fresh stores give the same state. */
class ReplayDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void theSameCommandsGiveTheSameState() {
        List<RaftCommand> log = new ArrayList<>();
        List<WriteResult> firstResults = new ArrayList<>();
        try (StoreHarness a = new StoreHarness(dir.resolve("a"));
                StoreHarness b = new StoreHarness(dir.resolve("b"))) {
            Node n1 = node("n1", "small");
            Node n2 = node("n2", "small");
            record(a, log, firstResults, upsert(n1));
            record(a, log, firstResults, upsert(n2));
            WriteResult reg = record(a, log, firstResults, register(job("web", "5"), 1000));
            Job job;
            try (StateReader s = a.store.reader()) {
                job = s.job("default", "web").orElseThrow();
            }
            Allocation x = placement(job, n1, reg.getEvalId(), 0, 10);
            Allocation y = placement(job, n2, reg.getEvalId(), 1, 10);
            record(a, log, firstResults, planResults(plan(reg.getEvalId(), x, y)));
            record(a, log, firstResults, clientUpdate(List.of(report(x.id, "running"), report(y.id, "running"))));
            record(a, log, firstResults, drain("n2", -1L, false, 1_700_000_100L));
            DesiredTransition migrate = new DesiredTransition();
            migrate.migrate = true;
            record(a, log, firstResults, desiredTransitions(Map.of(y.id, migrate), nodeEval(job, "n2", 2000)));
            Allocation z = placement(job, n1, reg.getEvalId(), 1, 20);
            z.previousAllocation = y.id;
            record(a, log, firstResults, planResults(plan(reg.getEvalId(), z)
                    .addStopped(stopped(y.id, "alloc is being migrated"))));
            record(a, log, firstResults, status("n2", Node.STATUS_DOWN, 1_700_000_200L, null));
            record(a, log, firstResults, clientUpdate(List.of(report(x.id, "complete"), report(z.id, "failed"))));

            List<WriteResult> secondResults = new ArrayList<>();
            for (RaftCommand cmd : log) {
                secondResults.add(b.apply(cmd));
            }

            assertThat(secondResults).isEqualTo(firstResults);
            assertThat(b.store.contentHash()).isEqualTo(a.store.contentHash());
            assertThat(everything(b)).isEqualTo(everything(a));
        }
    }

    private static WriteResult record(StoreHarness h, List<RaftCommand> log, List<WriteResult> results,
            RaftCommand cmd) {
        log.add(cmd);
        WriteResult r = h.apply(cmd);
        assertThat(r.getCode()).as(r.getError()).isEqualTo(WriteResult.Code.OK);
        results.add(r);
        return r;
    }

    /** What readers see, as JSON. */
    private static String everything(StoreHarness h) {
        try (StateReader s = h.store.reader()) {
            return json(s.nodes("")) + json(s.allocations(StateReader.ALL_NAMESPACES, "")) + json(s.jobs("default", ""))
                    + json(s.jobSummary("default", "web").orElseThrow())
                    + json(s.evaluations(StateReader.ALL_NAMESPACES, ""));
        }
    }

    private static String json(Object o) {
        return new String(NomadJson.write(o), StandardCharsets.UTF_8);
    }
}

package io.drover.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.RocksStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker does not wait for its evaluation's last write to commit: it moves on, and acks the
 * evaluation (letting the broker hand out the job's next one) only once the write commits.
 */
class WorkerTest {
    @TempDir
    Path dir;
    final ManualTimers timers = new ManualTimers();
    EvalBroker broker;
    RocksStateStore store;
    /** The writes the worker made, each waiting for the test to commit it. */
    final List<CompletableFuture<WriteResult>> writes = new ArrayList<>();
    final List<RaftCommand> commands = new ArrayList<>();
    Worker worker;

    @BeforeEach
    void setUp() {
        broker = EvalBroker.withDefaults(timers, new Random(1), timers::nowMillis);
        broker.setEnabled(true);
        store = RocksStateStore.open(dir);
        EvalWriter evals = new EvalWriter(cmd -> {
            CompletableFuture<WriteResult> f = new CompletableFuture<>();
            commands.add(cmd);
            writes.add(f);
            return f;
        }, () -> 1_000L);
        // A scheduler that only completes its evaluation, as one finding nothing to do does.
        SchedulerFactory completesIt = (type, state, planner, env) -> eval -> {
            eval.status = Evaluation.STATUS_COMPLETE;
            planner.updateEval(eval);
        };
        worker = new Worker(broker, null, evals, null, new StateViews(store), completesIt, () -> 1_000L, () -> "id");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void movesOnBeforeTheWriteCommitsAndAcksOnlyOnceItHas() throws Exception {
        broker.enqueue(EvalBrokerTest.eval("a1", "a", 50, 1));
        broker.enqueue(EvalBrokerTest.eval("a2", "a", 50, 2));
        broker.enqueue(EvalBrokerTest.eval("b1", "b", 50, 3));

        EvalBroker.Dequeued first = next().orElseThrow();
        assertThat(first.eval().id).isEqualTo("a1");
        worker.process(first.eval(), first.token());
        assertThat(writes).as("the status write is on its way, not awaited").hasSize(1);
        assertThat(commands.get(0).getEvalCreate().getEvalJsonCount()).isEqualTo(1);
        assertThat(broker.outstanding("a1")).as("not acked before its write commits").isPresent();

        EvalBroker.Dequeued second = next().orElseThrow();
        assertThat(second.eval().id).as("another job's evaluation, not the job's next").isEqualTo("b1");
        assertThat(next()).as("a2 waits behind a1").isEmpty();

        writes.get(0).complete(WriteResult.newBuilder().setCode(WriteResult.Code.OK).setIndex(5).build());
        assertThat(broker.outstanding("a1")).isEmpty();
        assertThat(next().orElseThrow().eval().id).isEqualTo("a2");
    }

    @Test
    void anEvaluationWhoseWriteFailsIsNackedAndDeliveredAgain() throws Exception {
        broker.enqueue(EvalBrokerTest.eval("a1", "a", 50, 1));
        EvalBroker.Dequeued d = next().orElseThrow();
        worker.process(d.eval(), d.token());

        writes.get(0).complete(WriteResult.newBuilder().setCode(WriteResult.Code.NOT_LEADER).build());
        assertThat(broker.outstanding("a1")).isEmpty();
        assertThat(next()).as("redelivered after the nack delay").isEmpty();
        timers.advance(Duration.ofSeconds(1));
        assertThat(next().orElseThrow().eval().id).isEqualTo("a1");
    }

    private Optional<EvalBroker.Dequeued> next() throws InterruptedException {
        return broker.dequeue(List.of("service", "batch"), Duration.ZERO);
    }
}

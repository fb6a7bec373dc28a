package io.drover.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.scheduling.Evaluation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvalBrokerTest {
    final ManualTimers timers = new ManualTimers();
    EvalBroker broker;

    @BeforeEach
    void setUp() {
        broker = EvalBroker.withDefaults(timers, new Random(1), timers::nowMillis);
        broker.setEnabled(true);
    }

    static Evaluation eval(String id, String job, int priority, long createIndex) {
        Evaluation e = new Evaluation();
        e.id = id;
        e.namespace = "default";
        e.jobId = job;
        e.type = "service";
        e.priority = priority;
        e.createIndex = createIndex;
        e.status = Evaluation.STATUS_PENDING;
        return e;
    }

    Optional<EvalBroker.Dequeued> next() throws InterruptedException {
        return broker.dequeue(List.of("service", "batch"), Duration.ZERO);
    }

    @Test
    void handsOutTheHighestPriorityFirstThenTheOldest() throws Exception {
        broker.enqueue(eval("low", "a", 10, 1));
        broker.enqueue(eval("high-new", "b", 90, 3));
        broker.enqueue(eval("high-old", "c", 90, 2));
        assertThat(next().orElseThrow().eval().id).isEqualTo("high-old");
        assertThat(next().orElseThrow().eval().id).isEqualTo("high-new");
        assertThat(next().orElseThrow().eval().id).isEqualTo("low");
        assertThat(next()).isEmpty();
    }

    @Test
    void onlyOneEvaluationPerJobIsOutUntilItIsAcked() throws Exception {
        broker.enqueue(eval("first", "web", 50, 1));
        broker.enqueue(eval("second", "web", 50, 2));
        EvalBroker.Dequeued d = next().orElseThrow();
        assertThat(d.eval().id).isEqualTo("first");
        assertThat(next()).as("the job's second evaluation waits").isEmpty();
        assertThat(broker.stats().blocked()).isEqualTo(1);

        broker.ack(d.eval().id, d.token());
        assertThat(next().orElseThrow().eval().id).isEqualTo("second");
    }

    @Test
    void aNackedEvaluationComesBackAfterADelayAndFailsPastTheDeliveryLimit() throws Exception {
        broker.enqueue(eval("e", "web", 50, 1));
        for (int attempt = 1; attempt <= 3; attempt++) {
            EvalBroker.Dequeued d = next().orElseThrow();
            broker.nack(d.eval().id, d.token());
            if (attempt < 3) {
                assertThat(next()).as("re-enqueued only after a delay").isEmpty();
                timers.advance(Duration.ofSeconds(attempt == 1 ? 1 : 20 * (attempt - 1)));
            }
        }
        assertThat(next()).isEmpty();
        Optional<EvalBroker.Dequeued> failed = broker.dequeue(List.of(EvalBroker.FAILED_QUEUE), Duration.ZERO);
        assertThat(failed.orElseThrow().eval().id).isEqualTo("e");
    }

    @Test
    void anUnackedEvaluationIsNackedWhenItsTimeoutPasses() throws Exception {
        broker.enqueue(eval("e", "web", 50, 1));
        EvalBroker.Dequeued d = next().orElseThrow();
        timers.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> broker.ack(d.eval().id, d.token())).isInstanceOf(IllegalStateException.class);
        assertThat(next().orElseThrow().eval().id).as("delivered again (first nack: no delay)").isEqualTo("e");
    }

    @Test
    void evaluationsWaitUntilTheirTime() throws Exception {
        Evaluation later = eval("later", "web", 50, 1);
        later.waitUntil = Instant.ofEpochMilli(30_000).toString();
        broker.enqueue(later);
        assertThat(next()).isEmpty();
        timers.advance(Duration.ofSeconds(30));
        assertThat(next().orElseThrow().eval().id).isEqualTo("later");
    }

    @Test
    void disablingDropsEverything() throws Exception {
        broker.enqueue(eval("e", "web", 50, 1));
        broker.setEnabled(false);
        assertThat(next()).isEmpty();
        broker.enqueue(eval("f", "web", 50, 2));
        broker.setEnabled(true);
        assertThat(next()).isEmpty();
    }

    @Test
    void aWaitingWorkerIsWokenByAnEnqueue() throws Exception {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            broker.enqueue(eval("e", "web", 50, 1));
        });
        t.start();
        Optional<EvalBroker.Dequeued> d = broker.dequeue(List.of("service"), Duration.ofSeconds(10));
        assertThat(d.orElseThrow().eval().id).isEqualTo("e");
        t.join();
    }
}

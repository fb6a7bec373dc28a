package io.drover.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class PlanQueueTest {
    private static Plan plan(String evalId, int priority) {
        Plan p = new Plan();
        p.evalId = evalId;
        p.priority = priority;
        return p;
    }

    private static List<String> drain(PlanQueue queue) throws InterruptedException {
        List<String> order = new ArrayList<>();
        PlanQueue.Pending p;
        while ((p = queue.poll(0)) != null) {
            order.add(p.plan().evalId);
        }
        return order;
    }

    @Test
    void higherPriorityFirstThenInSubmissionOrder() throws Exception {
        PlanQueue queue = new PlanQueue();
        queue.setEnabled(true);
        queue.submit(plan("low-1", 20));
        queue.submit(plan("mid-1", 50));
        queue.submit(plan("high", 90));
        queue.submit(plan("mid-2", 50));
        queue.submit(plan("low-2", 20));
        queue.submit(plan("mid-3", 50));
        assertThat(queue.size()).isEqualTo(6);

        assertThat(drain(queue)).containsExactly("high", "mid-1", "mid-2", "mid-3", "low-1", "low-2");
        assertThat(queue.size()).isZero();
    }

    @Test
    void aPlanWithoutPriorityGoesLast() throws Exception {
        PlanQueue queue = new PlanQueue();
        queue.setEnabled(true);
        Plan none = plan("none", 0);
        none.priority = null;
        queue.submit(none);
        queue.submit(plan("some", 1));
        assertThat(drain(queue)).containsExactly("some", "none");
    }

    @Test
    void pollWaitsOnlyAsLongAsAsked() throws Exception {
        PlanQueue queue = new PlanQueue();
        queue.setEnabled(true);
        assertThat(queue.poll(1)).isNull();
    }

    @Test
    void disablingFailsEveryPendingPlan() {
        PlanQueue queue = new PlanQueue();
        queue.setEnabled(true);
        CompletableFuture<PlanResult> a = queue.submit(plan("a", 50));
        CompletableFuture<PlanResult> b = queue.submit(plan("b", 70));

        queue.setEnabled(false);

        assertThat(queue.size()).isZero();
        for (CompletableFuture<PlanResult> f : List.of(a, b)) {
            assertThat(f).isCompletedExceptionally();
            Assertions.assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("plan queue is disabled");
        }
    }

    @Test
    void aDisabledQueueRefusesAtOnce() throws Exception {
        PlanQueue queue = new PlanQueue();
        CompletableFuture<PlanResult> refused = queue.submit(plan("early", 50));
        assertThat(refused).isCompletedExceptionally();
        assertThat(queue.poll(0)).isNull();

        queue.setEnabled(true);
        assertThat(queue.submit(plan("later", 50))).isNotDone();
        assertThat(queue.size()).isEqualTo(1);
    }
}

package io.drover.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Job;
import io.drover.model.scheduling.DesiredUpdates;
import io.drover.model.scheduling.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job plan's dry run on the store's state, as the gateway runs it. */
class PlanDryRunTest {
    @TempDir
    Path dir;
    private StoreState state;

    @BeforeEach
    void open() {
        state = new StoreState(dir);
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void newJobIsPlannedAtIndex100AndNothingIsWritten() throws Exception {
        Fixtures.nodes(3).forEach(state::upsertNode);
        long before = state.appliedIndex();

        DryRunResult r = PlanDryRun.run(state.snapshot(), Fixtures.service("web", 2), Fixtures.env());

        assertThat(r.jobModifyIndex()).isZero();
        assertThat(r.plan().annotations.desiredTgUpdates.get("web")).isEqualTo(DesiredUpdates.none().withPlace(2));
        assertThat(r.plan().job.jobModifyIndex).isEqualTo(100L);
        assertThat(r.updatedEval().status).isEqualTo(Evaluation.STATUS_COMPLETE);
        assertThat(r.updatedEval().annotatePlan).isTrue();
        assertThat(r.updatedEval().failedTgAllocs).isNull();
        assertThat(r.createdEvals()).isEmpty();
        assertThat(state.appliedIndex()).isEqualTo(before);
        assertThat(state.job("default", "web")).isEmpty();
    }

    @Test
    void changedJobIsSeenOneIndexAfterTheStoredOne() throws Exception {
        Fixtures.nodes(3).forEach(state::upsertNode);
        Job stored = Fixtures.service("web", 2);
        state.upsertJob(stored);
        Harness harness = new Harness(state);
        Evaluation eval = Fixtures.eval("eval-1", stored, EvalTriggers.JOB_REGISTER);
        state.upsertEval(eval);
        new io.drover.scheduler.generic.GenericScheduler(false, state.snapshot(), harness, Fixtures.env(),
                StackFactory.NOMAD).process(eval);
        Job edited = Fixtures.service("web", 3);
        edited.taskGroups.get(0).tasks.get(0).config.put("command", "/bin/ls");

        DryRunResult r = PlanDryRun.run(state.snapshot(), edited, Fixtures.env());

        assertThat(r.jobModifyIndex()).isEqualTo(stored.jobModifyIndex);
        assertThat(r.updatedEval().jobModifyIndex).isEqualTo(stored.jobModifyIndex + 1);
        assertThat(r.plan().annotations.desiredTgUpdates.get("web"))
                .isEqualTo(DesiredUpdates.none().withPlace(1).withDestructiveUpdate(2));
    }

    @Test
    void infeasibleJobReportsFailedGroupsAndTheBlockedEvalItWouldCreate() throws Exception {
        Fixtures.nodes(2).forEach(state::upsertNode);
        Job job = Fixtures.service("web", 1);
        job.constraints = new ArrayList<>(List.of(Fixtures.constraint("${attr.kernel.name}", "=", "plan9")));

        DryRunResult r = PlanDryRun.run(state.snapshot(), job, Fixtures.env());

        assertThat(r.updatedEval().failedTgAllocs).containsKey("web");
        assertThat(r.createdEvals()).singleElement()
                .satisfies(e -> assertThat(e.status).isEqualTo(Evaluation.STATUS_BLOCKED));
    }

    @Test
    void unknownTypeIsRefused() {
        Job job = Fixtures.service("web", 1);
        job.type = "weird";

        assertThatThrownBy(() -> PlanDryRun.run(state.snapshot(), job, Fixtures.env()))
                .isInstanceOf(SchedulerException.class).hasMessage("unknown scheduler 'weird'");
    }
}

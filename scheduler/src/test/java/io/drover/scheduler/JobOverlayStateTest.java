package io.drover.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.PeriodicConfig;
import io.drover.scheduler.memory.MemoryState;
import io.drover.state.StateReader;
import io.drover.state.StoreWrites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the plan dry run's view overlays, and what it leaves to the state under it. */
class JobOverlayStateTest {
    @TempDir
    Path dir;

    @Test
    void anAddedJobIsListedInIdOrderAsTheStateListsJobs() {
        MemoryState state = new MemoryState().upsertJob(Fixtures.service("a", 1)).upsertJob(Fixtures.service("c", 1));

        StateReader view = new JobOverlayState(state, Fixtures.service("b", 1));

        assertThat(view.jobs("default", "")).extracting(j -> j.id).containsExactly("a", "b", "c");
        assertThat(view.jobs(StateReader.ALL_NAMESPACES, "")).extracting(j -> j.id).containsExactly("a", "b", "c");
        assertThat(view.jobs("default", "c")).extracting(j -> j.id).containsExactly("c");
        assertThat(view.jobs("elsewhere", "")).isEmpty();
    }

    @Test
    void aChangedJobTakesTheStoredOnesPlace() {
        MemoryState state = new MemoryState().upsertJob(Fixtures.service("a", 1)).upsertJob(Fixtures.service("b", 1));
        Job changed = Fixtures.service("a", 5);

        StateReader view = new JobOverlayState(state, changed);

        assertThat(view.jobs("default", "")).extracting(j -> j.id).containsExactly("a", "b");
        assertThat(view.jobs("default", "").get(0).taskGroups.get(0).count).isEqualTo(5);
        assertThat(view.job("default", "a").orElseThrow().taskGroups.get(0).count).isEqualTo(5);
        assertThat(view.jobVersions("default", "a")).extracting(j -> j.taskGroups.get(0).count).containsExactly(1);
    }

    @Test
    void theOverlaidJobReadIsTheCallersToChange() {
        StateReader view = new JobOverlayState(new MemoryState(), Fixtures.service("a", 1));

        view.job("default", "a").orElseThrow().taskGroups.get(0).count = 9;
        view.jobs("default", "").get(0).priority = 1;

        Job again = view.job("default", "a").orElseThrow();
        assertThat(again.taskGroups.get(0).count).isEqualTo(1);
        assertThat(again.priority).isEqualTo(Job.DEFAULT_PRIORITY);
    }

    @Test
    void theStatesLaunchesAndScalingEventsShowThrough() {
        try (StoreWrites store = new StoreWrites(dir)) {
            Job cron = Fixtures.batch("cron", 1);
            cron.periodic = new PeriodicConfig();
            cron.periodic.enabled = true;
            cron.periodic.specType = PeriodicConfig.SPEC_CRON;
            cron.periodic.spec = "*/5 * * * *";
            cron.submitTime = 1_700_000_000_000_000_000L;
            store.registerJob(cron);
            store.recordScalingEvent("default", "cron", "web", "by hand");
            try (StateReader base = store.reader()) {
                StateReader view = new JobOverlayState(base, base.job("default", "cron").orElseThrow());

                assertThat(view.periodicLaunch("default", "cron").orElseThrow().launch).isEqualTo(cron.submitTime);
                assertThat(view.scalingEvents("default", "cron").orElseThrow().of("web"))
                        .extracting(e -> e.message).containsExactly("by hand");
            }
        }
    }
}

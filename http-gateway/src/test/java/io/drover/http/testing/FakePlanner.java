package io.drover.http.testing;

import io.drover.http.JobPlanner;
import io.drover.http.PlanOutcome;
import io.drover.model.Job;
import io.drover.state.StateReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A scripted {@link JobPlanner}: tests say what the dry run finds, and read back which jobs it
 * was asked to plan and at which state index.
 */
public final class FakePlanner implements JobPlanner {
    /** One call: the job as the gateway handed it over, and the applied index of the state it saw. */
    public record Call(Job job, long stateIndex) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile BiFunction<StateReader, Job, PlanOutcome> answer =
            (state, job) -> new PlanOutcome(null, null, null, state.job(job.namespace, job.id)
                    .map(j -> j.jobModifyIndex).orElse(0L), null);

    /** Answers every plan with {@code outcome}. */
    public FakePlanner answer(PlanOutcome outcome) {
        return answer((state, job) -> outcome);
    }

    public FakePlanner answer(BiFunction<StateReader, Job, PlanOutcome> newAnswer) {
        this.answer = newAnswer;
        return this;
    }

    public Call lastCall() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public PlanOutcome plan(StateReader state, Job job) {
        calls.add(new Call(job.copy(), state.appliedIndex()));
        return answer.apply(state, job);
    }
}

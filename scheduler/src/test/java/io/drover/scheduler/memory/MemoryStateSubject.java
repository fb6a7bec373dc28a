package io.drover.scheduler.memory;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.StateReader;
import io.drover.state.StateReaderContract;
import io.drover.state.Table;
import java.util.EnumSet;
import java.util.Set;

/**
 * The contract's writes on a {@link MemoryState}, each at the next index as the store would
 * make it. A registration also keeps the job's summary, as the store's does; the state itself is
 * the view (it has no snapshots).
 */
public final class MemoryStateSubject implements StateReaderContract.Subject {
    private final MemoryState state = new MemoryState();

    @Override
    public void upsertNode(Node node) {
        state.upsertNode(node);
    }

    @Override
    public void registerJob(Job job) {
        state.upsertJob(job);
        JobSummary summary = state.jobSummary(job.namespace, job.id).orElse(null);
        boolean changed = summary == null;
        if (summary == null) {
            summary = new JobSummary();
            summary.jobId = job.id;
            summary.namespace = job.namespace;
        }
        for (TaskGroup tg : job.taskGroups) {
            if (!summary.summary.containsKey(tg.name)) {
                summary.summary.put(tg.name, new JobSummary.TaskGroupSummary());
                changed = true;
            }
        }
        if (changed) {
            state.upsertJobSummary(summary);
        }
    }

    @Override
    public void upsertEvals(Evaluation... evals) {
        for (Evaluation e : evals) {
            state.upsertEval(e);
        }
    }

    /** One write, as the plan applier's: the allocations share its index. */
    @Override
    public void placeAllocs(Allocation... allocs) {
        long index = state.nextIndex();
        for (Allocation a : allocs) {
            a.allocModifyIndex = index;
            state.putAlloc(a, index);
        }
    }

    @Override
    public StateReader reader() {
        return state;
    }

    @Override
    public Set<Table> tables() {
        return EnumSet.of(Table.NODES, Table.JOBS, Table.JOB_VERSIONS, Table.JOB_SUMMARIES, Table.EVALS, Table.ALLOCS);
    }

    @Override
    public boolean pointInTime() {
        return false;
    }

    @Override
    public void close() {
    }
}

package io.drover.scheduler.reconcile;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;

/**
 * Decides whether an allocation of an older job version can be updated in place (Nomad's
 * {@code allocUpdateType}). The scheduler supplies it, as the answer needs a node fit check.
 */
@FunctionalInterface
public interface AllocUpdateFn {
    UpdateDecision decide(Allocation existing, Job newJob, TaskGroup newGroup);
}

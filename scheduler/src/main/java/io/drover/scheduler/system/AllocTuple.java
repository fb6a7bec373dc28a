package io.drover.scheduler.system;

import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;

/**
 * One allocation name on one node, with its group and the allocation involved (Nomad's
 * {@code allocTuple}). For a placement, {@code alloc} is the allocation it replaces, or a bare
 * allocation carrying only the target node ID.
 */
public record AllocTuple(String name, TaskGroup taskGroup, Allocation alloc) {
}

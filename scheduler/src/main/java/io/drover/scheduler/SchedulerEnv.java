package io.drover.scheduler;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Everything non-deterministic a scheduler needs, passed in so that a run is a pure function
 * of (state, evaluation, env): the time to plan at and where new IDs come from. Node order is
 * shuffled with a seed derived from the evaluation ID, never from a global random source.
 *
 * @param now     the leader's clock when the evaluation was dequeued
 * @param newId   a source of fresh UUIDs for allocations and follow-up evaluations
 */
public record SchedulerEnv(Instant now, Supplier<String> newId) {
}

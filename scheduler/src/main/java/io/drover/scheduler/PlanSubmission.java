package io.drover.scheduler;

import io.drover.model.scheduling.PlanResult;
import io.drover.state.StateReader;

/**
 * The applier's answer to a plan: what was committed and, when part was refused, a fresher
 * state to plan again on ({@code null} when the scheduler may keep its own).
 */
public record PlanSubmission(PlanResult result, StateReader refreshedState) {
}

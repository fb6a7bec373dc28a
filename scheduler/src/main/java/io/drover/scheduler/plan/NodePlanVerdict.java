package io.drover.scheduler.plan;

/** Whether one node's part of a plan can be committed, and if not why (Nomad's texts, e.g. {@code node is draining}, {@code memory}). */
public record NodePlanVerdict(boolean fit, String reason) {
    static final NodePlanVerdict FITS = new NodePlanVerdict(true, "");

    static NodePlanVerdict refused(String reason) {
        return new NodePlanVerdict(false, reason);
    }
}

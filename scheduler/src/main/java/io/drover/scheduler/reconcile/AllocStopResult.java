package io.drover.scheduler.reconcile;

import io.drover.model.alloc.Allocation;

/**
 * An allocation to stop (Nomad's {@code allocStopResult}).
 *
 * @param clientStatus   the client status to set (lost), or "" to leave it
 * @param followupEvalId the delayed evaluation that will replace it, or ""
 */
public record AllocStopResult(Allocation alloc, String clientStatus, String description, String followupEvalId) {
    static AllocStopResult of(Allocation alloc, String description) {
        return new AllocStopResult(alloc, "", description, "");
    }
}

package io.drover.bench;

import io.drover.testkit.fixtures.JobBody;

/**
 * The job both placement benchmarks place: one service group of {@code count} mock_driver
 * tasks that run until stopped, asking little enough (20 MHz, 16 MB) that every node fits many,
 * so what is measured is the scheduler and the plan path, not a full cluster.
 */
final class PlacementJob {
    static final String GROUP = "g";

    private PlacementJob() {
    }

    /** The {@code POST /v1/jobs} body. */
    static String registerBody(String id, int count) {
        return JobBody.service(id).group(GROUP).count(count).mock("24h").resources(20, 16).register();
    }
}

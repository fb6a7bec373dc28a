package io.drover.bench;

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
        return "{\"Job\":{\"ID\":\"" + id + "\",\"Name\":\"" + id + "\",\"Type\":\"service\",\"Datacenters\":[\"dc1\"],"
                + "\"TaskGroups\":[{\"Name\":\"" + GROUP + "\",\"Count\":" + count + ",\"Tasks\":[{\"Name\":\"t\","
                + "\"Driver\":\"mock_driver\",\"Config\":{\"run_for\":\"24h\"},"
                + "\"Resources\":{\"CPU\":20,\"MemoryMB\":16}}]}]}}";
    }
}

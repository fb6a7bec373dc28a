package io.drover.server;

/**
 * Job specs for the scheduling tests, as a Nomad API user would submit them. Every job is
 * constrained to one node class, so the simulated nodes one test drains or silences never
 * carry another test's allocations.
 */
final class TestJobs {
    private TestJobs() {
    }

    /** A task that runs until the servers stop it (nodesim keeps raw_exec tasks running). */
    static final String LONG_RUNNING = "\"Driver\": \"raw_exec\", \"Config\": {\"command\": \"/bin/sleep\", \"args\": [\"3600\"]}";

    /** A mock task that runs for {@code runFor} (a Go duration) and exits with {@code exitCode}. */
    static String mock(String runFor, int exitCode) {
        return "\"Driver\": \"mock_driver\", \"Config\": {\"run_for\": \"" + runFor + "\", \"exit_code\": " + exitCode
                + "}";
    }

    /** The job alone (what {@code POST /v1/jobs} wraps in {"Job": ...}). */
    static String job(String id, String type, String nodeClass, int count, String task, String groupExtras) {
        return "{\"ID\": \"" + id + "\", \"Name\": \"" + id + "\", \"Type\": \"" + type + "\","
                + " \"Datacenters\": [\"dc1\"],"
                + " \"Constraints\": [{\"LTarget\": \"${node.class}\", \"RTarget\": \"" + nodeClass
                + "\", \"Operand\": \"=\"}],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": " + count + groupExtras + ","
                + " \"Tasks\": [{\"Name\": \"t\", " + task + ", \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}";
    }

    static String register(String id, String type, String nodeClass, int count, String task) {
        return "{\"Job\": " + job(id, type, nodeClass, count, task, "") + "}";
    }

    static String register(String id, String type, String nodeClass, int count, String task, String groupExtras) {
        return "{\"Job\": " + job(id, type, nodeClass, count, task, groupExtras) + "}";
    }

    /**
     * Group settings for a task that fails for good on its first exit and is rescheduled once,
     * {@code delay} after failing.
     */
    static String failOnceThenRescheduleOnce(String delay) {
        return ", \"RestartPolicy\": {\"Attempts\": 0, \"Interval\": 600000000000, \"Delay\": 1000000000,"
                + " \"Mode\": \"fail\"},"
                + " \"ReschedulePolicy\": {\"Attempts\": 1, \"Interval\": 3600000000000, \"Delay\": " + delay + ","
                + " \"DelayFunction\": \"constant\", \"MaxDelay\": 0, \"Unlimited\": false}";
    }
}

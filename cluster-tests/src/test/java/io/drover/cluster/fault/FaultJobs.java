package io.drover.cluster.fault;

/** The jobs the fault suite's clients register. */
final class FaultJobs {
    private FaultJobs() {
    }

    /**
     * A batch job of one mock task that runs briefly and succeeds: each is scheduled, placed,
     * run and finished, so a lost or doubled evaluation shows as a missing or extra allocation.
     */
    static String batch(String id) {
        return "{\"Job\": " + job(id, "\"Type\": \"batch\"", 1, "") + "}";
    }

    /** A batch job of count 0 whose metadata holds {@code value}, registered only if its JobModifyIndex is {@code expected}. */
    static String checkAndSet(String id, String value, long expected) {
        return "{\"Job\": " + job(id, "\"Type\": \"batch\"", 0, "\"Meta\": {\"value\": \"" + value + "\"},")
                + ", \"EnforceIndex\": true, \"JobModifyIndex\": " + expected + "}";
    }

    /** A job carrying {@code bytes} of metadata, to fill Raft log segments quickly. */
    static String large(String id, int bytes) {
        return "{\"Job\": " + job(id, "\"Type\": \"batch\"", 0, "\"Meta\": {\"blob\": \"" + "x".repeat(bytes) + "\"},")
                + "}";
    }

    private static String job(String id, String type, int count, String extra) {
        return "{\"ID\": \"" + id + "\", \"Name\": \"" + id + "\", " + type + ", \"Datacenters\": [\"dc1\"], " + extra
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": " + count + ","
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"mock_driver\", \"Config\": {\"run_for\": \"100ms\"},"
                + " \"Resources\": {\"CPU\": 20, \"MemoryMB\": 10}}]}]}";
    }
}

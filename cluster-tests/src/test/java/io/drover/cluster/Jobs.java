package io.drover.cluster;

/** Job bodies a Nomad user would register. */
final class Jobs {
    private Jobs() {
    }

    /** A small batch job. */
    static String batch(String id) {
        return withMeta(id, "");
    }

    /**
     * A batch job carrying {@code metaBytes} of metadata: large enough jobs fill Raft log
     * segments quickly, which the snapshot tests need.
     */
    static String large(String id, int metaBytes) {
        return withMeta(id, "\"Meta\": {\"blob\": \"" + "x".repeat(metaBytes) + "\"},");
    }

    private static String withMeta(String id, String meta) {
        return "{\"Job\": {\"ID\": \"" + id + "\", \"Name\": \"" + id + "\", \"Type\": \"batch\","
                + " \"Datacenters\": [\"dc1\"], " + meta
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, \"Tasks\": [{\"Name\": \"t\","
                + " \"Driver\": \"raw_exec\", \"Config\": {\"command\": \"/bin/sleep\", \"args\": [\"5\"]},"
                + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";
    }
}

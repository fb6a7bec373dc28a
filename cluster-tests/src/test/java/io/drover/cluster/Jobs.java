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

    /** A batch job whose metadata holds {@code tag} and {@code bytes} of filler: each tag a new version. */
    static String withMeta(String id, String tag, int bytes) {
        return withMeta(id, "\"Meta\": {\"tag\": \"" + tag + "\", \"blob\": \"" + "x".repeat(bytes) + "\"},");
    }

    /**
     * A service job of {@code count} mock_driver tasks that run for an hour, in one group named
     * {@code group}, placed in {@code datacenter}: nodesim runs them and reports them running.
     */
    static String mockService(String id, String group, String datacenter, int count) {
        return "{\"Job\": {\"ID\": \"" + id + "\", \"Name\": \"" + id + "\", \"Type\": \"service\","
                + " \"Datacenters\": [\"" + datacenter + "\"],"
                + " \"TaskGroups\": [{\"Name\": \"" + group + "\", \"Count\": " + count + ","
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"mock_driver\", \"Config\": {\"run_for\": \"1h\"},"
                + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 64}}]}]}}";
    }

    /**
     * A service job of {@code count} raw_exec tasks named {@code t} that run {@code /bin/sh -c
     * script} as real processes, in one group named {@code group} in dc1, spread over the nodes
     * by their unique ID so that each node agent gets its share. {@code script} is a JSON string
     * body: quotes and backslashes must already be escaped.
     */
    static String rawExecService(String id, String group, int count, String script) {
        return "{\"Job\": {\"ID\": \"" + id + "\", \"Name\": \"" + id + "\", \"Type\": \"service\","
                + " \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"" + group + "\", \"Count\": " + count + ","
                + " \"Spreads\": [{\"Attribute\": \"${node.unique.id}\", \"Weight\": 100}],"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\","
                + " \"Config\": {\"command\": \"/bin/sh\", \"args\": [\"-c\", \"" + script + "\"]},"
                + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";
    }

    private static String withMeta(String id, String meta) {
        return "{\"Job\": {\"ID\": \"" + id + "\", \"Name\": \"" + id + "\", \"Type\": \"batch\","
                + " \"Datacenters\": [\"dc1\"], " + meta
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, \"Tasks\": [{\"Name\": \"t\","
                + " \"Driver\": \"raw_exec\", \"Config\": {\"command\": \"/bin/sleep\", \"args\": [\"5\"]},"
                + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";
    }
}

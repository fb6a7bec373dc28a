package io.drover.cluster;

import io.drover.testkit.fixtures.JobBody;

/** Job bodies a Nomad user would register. */
final class Jobs {
    private Jobs() {
    }

    /** A small batch job: one raw_exec task running {@code /bin/sleep 5}. */
    static String batch(String id) {
        return sleep(id).register();
    }

    /**
     * A batch job carrying {@code metaBytes} of metadata: large enough jobs fill Raft log
     * segments quickly, which the snapshot tests need.
     */
    static String large(String id, int metaBytes) {
        return sleep(id).meta("blob", "x".repeat(metaBytes)).register();
    }

    /** A batch job whose metadata holds {@code tag} and {@code bytes} of filler: each tag a new version. */
    static String withMeta(String id, String tag, int bytes) {
        return sleep(id).meta("tag", tag).meta("blob", "x".repeat(bytes)).register();
    }

    /**
     * A service job of {@code count} mock_driver tasks that run for an hour, in one group named
     * {@code group}, placed in {@code datacenter}: nodesim runs them and reports them running.
     */
    static String mockService(String id, String group, String datacenter, int count) {
        return JobBody.service(id).datacenter(datacenter).group(group).count(count).mock("1h").resources(100, 64)
                .register();
    }

    /**
     * A service job of {@code count} raw_exec tasks named {@code t} that run {@code /bin/sh -c
     * script} as real processes, in one group named {@code group} in dc1, spread over the nodes
     * by their unique ID so that each node agent gets its share.
     */
    static String rawExecService(String id, String group, int count, String script) {
        return JobBody.service(id).group(group).count(count)
                .groupSetting("Spreads", "[{\"Attribute\": \"${node.unique.id}\", \"Weight\": 100}]")
                .rawExec("/bin/sh", "-c", script).register();
    }

    private static JobBody sleep(String id) {
        return JobBody.batch(id).rawExec("/bin/sleep", "5");
    }
}

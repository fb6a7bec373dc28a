package io.drover.cluster.fault;

import io.drover.testkit.fixtures.JobBody;

/** The jobs the fault suite's clients register. */
final class FaultJobs {
    private FaultJobs() {
    }

    /**
     * A batch job of one mock task that runs briefly and succeeds: each is scheduled, placed,
     * run and finished, so a lost or doubled evaluation shows as a missing or extra allocation.
     */
    static String batch(String id) {
        return job(id).register();
    }

    /** A batch job of count 0 whose metadata holds {@code value}, registered only if its JobModifyIndex is {@code expected}. */
    static String checkAndSet(String id, String value, long expected) {
        return job(id).count(0).meta("value", value).registerIfIndex(expected);
    }

    /** A job carrying {@code bytes} of metadata, to fill Raft log segments quickly. */
    static String large(String id, int bytes) {
        return job(id).count(0).meta("blob", "x".repeat(bytes)).register();
    }

    private static JobBody job(String id) {
        return JobBody.batch(id).mock("100ms").resources(20, 10);
    }
}

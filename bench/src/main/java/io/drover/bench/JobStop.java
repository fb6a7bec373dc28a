package io.drover.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.time.Duration;

/**
 * Stopping a benchmark round's job and waiting until the agent has heard that every task ended
 * (its summary shows none starting or running), so that the next round finds the nodes, and the
 * agent, idle. It follows the summary with blocking queries, as a user's tooling would.
 */
final class JobStop {
    private JobStop() {
    }

    /** @return nanoseconds from the stop's acknowledgement until the group's tasks had all ended */
    static long awaitIdle(NomadClient api, String id, String group, Duration limit) {
        Answer r = api.delete("/v1/job/" + id);
        if (r.status() != 200) {
            throw new IllegalStateException("stop of " + id + " answered " + r.status() + ": " + r.body());
        }
        long started = System.nanoTime();
        long index = r.json().path("Index").asLong();
        JsonNode summary = null;
        while (System.nanoTime() - started < limit.toNanos()) {
            Answer s = api.get("/v1/job/" + id + "/summary?index=" + index + "&wait=30s");
            if (s.status() != 200) {
                throw new IllegalStateException("summary of " + id + " answered " + s.status() + ": " + s.body());
            }
            index = s.index();
            summary = s.json().path("Summary").path(group);
            if (summary.path("Starting").asInt() + summary.path("Running").asInt() == 0) {
                return System.nanoTime() - started;
            }
        }
        throw new IllegalStateException("tasks of " + id + " still running after " + limit.toSeconds()
                + " s; summary " + summary);
    }
}

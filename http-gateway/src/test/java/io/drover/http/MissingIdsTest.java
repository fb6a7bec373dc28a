package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.testkit.http.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes whose path names no ID (empty, or only white space) are refused by the gateway with the
 * words Nomad's RPC endpoints have for a missing ID, and never reach the cluster: before, {@code
 * DELETE /v1/job/} was committed to the Raft log and failed inside apply.
 */
class MissingIdsTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aDeregisterOfNoJobIsRefusedBeforeTheLeader() {
        assertRefused("DELETE", "/v1/job/", null, 400, "missing job ID for deregistering");
        assertRefused("DELETE", "/v1/job/?purge=true", null, 400, "missing job ID for deregistering");
        assertRefused("DELETE", "/v1/job/%20%09", null, 400, "missing job ID for deregistering");
    }

    @Test
    void jobActionsOnNoJobAreRefusedBeforeTheLeader() {
        assertRefused("POST", "/v1/job//evaluate", null, 400, "missing job ID for evaluation");
        assertRefused("PUT", "/v1/job/%20/evaluate", null, 400, "missing job ID for evaluation");
        assertRefused("POST", "/v1/job//periodic/force", null, 400, "missing job ID for evaluation");
        assertRefused("POST", "/v1/job//dispatch", "{}", 400, "missing parameterized job ID");
        assertRefused("POST", "/v1/job/%20/dispatch", "{\"JobID\": \" \"}", 400, "missing parameterized job ID");
        assertRefused("POST", "/v1/job/%20/revert", "{\"JobID\": \" \", \"JobVersion\": 1}", 400,
                "missing job ID for revert");
        assertRefused("POST", "/v1/job/%20/stable", "{\"JobID\": \" \", \"JobVersion\": 1, \"Stable\": true}", 400,
                "missing job ID for marking job as stable");
        // Nomad's scale endpoint has no words for a missing ID: its lookup of the job "" fails.
        assertRefused("POST", "/v1/job//scale", "{\"Count\": 1, \"Target\": {\"Group\": \"g\"}}", 404,
                "job \"\" not found");
    }

    @Test
    void anEvaluateBodyNamingTheJobStillWorksUnderAnEmptyPath() {
        Answer a = h.post("/v1/job//evaluate", "{\"JobID\": \"web\"}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(h.cluster.lastWrite().getJobEvaluate().getJobId()).isEqualTo("web");
    }

    @Test
    void allocationAndNodeWritesOnNoIdAreRefusedBeforeTheLeader() {
        assertRefused("POST", "/v1/allocation//stop", null, 400, "Missing allocation ID");
        assertRefused("POST", "/v1/allocation/%20/stop", null, 400, "Missing allocation ID");
        assertRefused("POST", "/v1/node/%20/drain", "{\"DrainSpec\": {\"Deadline\": 0}}", 400,
                "missing node ID for drain update");
        assertRefused("POST", "/v1/node/%20/eligibility", "{\"Eligibility\": \"eligible\"}", 400,
                "missing node ID for setting scheduling eligibility");
    }

    @Test
    void theAllocationsOfNoJobAreRefusedAsNomadRefusesThem() {
        Answer a = h.get("/v1/job//allocations");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).isEqualTo("missing job ID");
    }

    private void assertRefused(String method, String path, String body, int status, String message) {
        Answer a = h.send(method, path, body);
        assertThat(a.status()).as(method + " " + path).isEqualTo(status);
        assertThat(a.body()).as(method + " " + path).isEqualTo(message);
        assertThat(h.cluster.writes).as(method + " " + path + " reached the cluster").isEmpty();
    }
}

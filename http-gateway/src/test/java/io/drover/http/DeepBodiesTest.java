package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.testkit.http.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A body nested past any bound is a 400 with Go's words on every route that reads one, before it
 * reaches the cluster: never a stack overflow, and never Jackson's own limit surfacing as a 500.
 */
class DeepBodiesTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void everyBodyRouteRefusesDeepNesting() {
        String lists = "[".repeat(100_000);
        String objects = "{\"a\":".repeat(600) + "1" + "}".repeat(600);
        String[][] calls = {
            {"POST", "/v1/jobs", "{\"Job\": {\"ID\": \"x\", \"Meta\": " + lists + "}}"},
            {"PUT", "/v1/job/x", "{\"Job\": {\"ID\": \"x\", \"TaskGroups\": [{\"Tasks\": [{\"Config\": " + objects + "}]}]}}"},
            {"POST", "/v1/job/x/plan", "{\"Job\": " + lists},
            {"POST", "/v1/validate/job", objects},
            {"POST", "/v1/job/x/scale", "{\"Count\": 1, \"Target\": {\"Group\": \"g\"}, \"Meta\": " + objects + "}"},
            {"POST", "/v1/job/x/dispatch", "{\"Meta\": " + lists},
            {"POST", "/v1/job/x/revert", lists},
            {"POST", "/v1/job/x/stable", objects},
            {"POST", "/v1/job/x/evaluate", "{\"JobID\": \"x\", \"EvalOptions\": " + objects + "}"},
            {"POST", "/v1/node/n1/drain", "{\"DrainSpec\": " + lists},
            {"POST", "/v1/node/n1/eligibility", objects},
            {"POST", "/v1/jobs/parse", lists},
        };
        for (String[] call : calls) {
            Answer a = h.send(call[0], call[1], call[2]);

            assertThat(a.status()).as(call[0] + " " + call[1]).isEqualTo(400);
            assertThat(a.body()).as(call[0] + " " + call[1]).isEqualTo("exceeded max depth");
        }
        assertThat(h.cluster.writes).isEmpty();
    }
}

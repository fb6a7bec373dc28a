package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.FakeCluster;
import io.drover.http.testing.FakeStateStore;
import io.drover.http.testing.GatewayHarness;
import io.drover.testkit.http.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job may ask for at most {@code job_max_count} instances, as in a later Nomad: before, a plan of
 * a group with a count of two billion took the server's heap (500 "Java heap space", and Raft's
 * own threads ran out of memory), and a register of it would have done so on the leader.
 */
class JobMaxCountTest {
    private GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private static String job(int... counts) {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            groups.append(i == 0 ? "" : ", ").append("{\"Name\": \"g").append(i).append("\", \"Count\": ")
                    .append(counts[i]).append(", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"mock_driver\","
                            + " \"Resources\": {\"CPU\": 20, \"MemoryMB\": 10}}]}");
        }
        return "{\"Job\": {\"ID\": \"big\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": ["
                + groups + "]}}";
    }

    @Test
    void aRegisterOrPlanOverTheLimitIsRefusedWithNomadsWords() {
        Answer register = h.post("/v1/jobs", job(Integer.MAX_VALUE));
        Answer plan = h.post("/v1/job/big/plan", job(30_000, 30_000));

        assertThat(register.status()).isEqualTo(400);
        assertThat(register.body()).isEqualTo("1 error occurred:\n\t* total count was greater than configured "
                + "job_max_count: 2147483647 > 50000\n\n");
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.body()).isEqualTo("1 error occurred:\n\t* total count was greater than configured "
                + "job_max_count: 60000 > 50000\n\n");
        assertThat(h.cluster.writes).isEmpty();
        assertThat(h.planner.calls).isEmpty();
    }

    @Test
    void validateReportsItAmongTheValidationErrors() {
        Answer a = h.post("/v1/validate/job", job(50_001));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("ValidationErrors").get(0).asText())
                .isEqualTo("total count was greater than configured job_max_count: 50001 > 50000");
    }

    @Test
    void theLimitItselfAndNoLimitAreAllowed() {
        assertThat(h.post("/v1/jobs", job(25_000, 25_000)).status()).isEqualTo(200);
        h.close();
        h = new GatewayHarness(new FakeStateStore(), new FakeCluster(),
                HttpGatewayConfig.of("127.0.0.1", 0).withJobMaxCount(0));

        assertThat(h.post("/v1/jobs", job(Integer.MAX_VALUE)).status()).isEqualTo(200);
    }
}

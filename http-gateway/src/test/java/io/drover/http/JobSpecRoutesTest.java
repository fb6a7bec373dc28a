package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.jobspec.Samples;
import io.drover.http.testing.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/jobs/parse}: answered by the gateway itself, nothing goes to the leader. */
class JobSpecRoutesTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void parseAnswersTheJobAndWritesNothing() {
        Answer a = h.post("/v1/jobs/parse", "{\"JobHCL\": \"job \\\"minimal\\\" {}\\n\", \"Canonicalize\": true}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("\"ID\":\"minimal\"").contains("\"Priority\":50");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void errorsAreNomads() {
        assertThat(h.post("/v1/jobs/parse", "{}").body()).isEqualTo("Job spec is empty");
        Answer bad = h.post("/v1/jobs/parse", "{\"JobHCL\": \"job \\\"a\\\" {}\\njob \\\"b\\\" {}\\n\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("error parsing 'job': only one 'job' block allowed");
        assertThat(h.send("GET", "/v1/jobs/parse", null).status()).isEqualTo(405);
    }

    @Test
    void validateAnswers200WithTheValidationErrors() {
        Answer a = h.post("/v1/validate/job", "{\"Job\": {\"ID\": \"invalid-job\", \"Type\": \"batch\"}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(Samples.body("089_validate_job"));
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void aValidJobValidatesWithoutErrors() {
        Answer a = h.post("/v1/validate/job", "{\"Job\": {\"ID\": \"ok\", \"Datacenters\": [\"dc1\"],"
                + "\"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\"}]}]}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"DriverConfigValidated\":true,\"ValidationErrors\":null,\"Error\":\"\",\"Warnings\":\"\"}");
        assertThat(h.post("/v1/validate/job", "{}").body()).isEqualTo("Job must be specified");
    }
}

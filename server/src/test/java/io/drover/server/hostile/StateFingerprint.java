package io.drover.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client sees of the agent's state: the jobs, the allocations, the baseline job's
 * evaluations and its {@code X-Nomad-Index}; and how many evaluations other jobs have, in every
 * namespace. Hostile requests must leave the first four exactly as they were. The only writes the
 * generators make that Nomad accepts are deregisters of jobs that do not exist, each of which
 * leaves one evaluation of nothing behind (in the namespace its query named, existing or not, as
 * Nomad does): that is the only change allowed.
 */
record StateFingerprint(String jobs, String allocations, String baselineEvals, long baselineIndex,
        List<String> otherEvalTriggers) {

    static StateFingerprint capture(int port, String baselineJob) throws IOException {
        JsonNode evals = JsonMutations.parse(get(port, "/v1/evaluations?namespace=*").bodyText());
        List<JsonNode> baseline = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JsonNode e : evals) {
            if (baselineJob.equals(e.path("JobID").asText()) && "default".equals(e.path("Namespace").asText())) {
                baseline.add(e);
            } else {
                others.add(e.path("TriggeredBy").asText());
            }
        }
        RawHttp.Answer job = get(port, "/v1/job/" + baselineJob);
        return new StateFingerprint(get(port, "/v1/jobs").bodyText(), get(port, "/v1/allocations").bodyText(),
                baseline.toString(), Long.parseLong(job.headers().get("X-Nomad-Index")), others);
    }

    /** Fails unless this is {@code before}, with one deregister evaluation per accepted deregister since. */
    void assertUnchangedSince(StateFingerprint before, int acceptedDeregisters) {
        assertThat(jobs).as("the jobs list").isEqualTo(before.jobs);
        assertThat(allocations).as("the allocations list").isEqualTo(before.allocations);
        assertThat(baselineEvals).as("the baseline job's evaluations").isEqualTo(before.baselineEvals);
        assertThat(baselineIndex).as("the baseline job's X-Nomad-Index").isEqualTo(before.baselineIndex);
        assertThat(otherEvalTriggers).as("evaluations of other jobs: one per accepted deregister")
                .hasSize(before.otherEvalTriggers.size() + acceptedDeregisters)
                .allMatch(t -> t.equals("job-deregister"));
    }

    private static RawHttp.Answer get(int port, String path) throws IOException {
        RawHttp.Answer a = RawHttp.exchange(port, ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8), false, 10_000);
        assertThat(a.status()).as("GET " + path + ": " + a.bodyText()).isEqualTo(200);
        return a;
    }
}

package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each server answers from its own state ({@code ?stale}), waiting for those to agree, and
 * {@code ?consistent} reads of a server that is still catching up.
 */
final class Views {
    private Views() {
    }

    /** One server's job list: ID to JobModifyIndex, and the list's {@code X-Nomad-Index}. */
    record JobList(String server, long index, Map<String, Long> jobModifyIndexes, List<String> ids) {
    }

    /** Throws {@link IllegalStateException} unless the server answers 200. */
    static JobList staleJobs(ServerProcess s, String prefix) {
        Answer a = s.api().get("/v1/jobs?stale&prefix=" + prefix);
        if (a.status() != 200) {
            throw new IllegalStateException(a.toString());
        }
        Map<String, Long> byId = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode stub : a.json()) {
            ids.add(stub.get("ID").asText());
            byId.put(stub.get("ID").asText(), stub.get("JobModifyIndex").asLong());
        }
        return new JobList(s.name(), a.index(), byId, ids);
    }

    /** Every evaluation one server holds, by the job it is for. */
    static Map<String, List<JsonNode>> staleEvaluationsByJob(ServerProcess s) {
        Answer a = s.api().get("/v1/evaluations?stale");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        Map<String, List<JsonNode>> byJob = new LinkedHashMap<>();
        for (JsonNode eval : a.json()) {
            byJob.computeIfAbsent(eval.get("JobID").asText(), k -> new ArrayList<>()).add(eval);
        }
        return byJob;
    }

    /** The IDs of every evaluation one server holds, by job, sorted: to compare servers. */
    static Map<String, List<String>> staleEvaluationIds(ServerProcess s) {
        Map<String, List<String>> out = new TreeMap<>();
        staleEvaluationsByJob(s).forEach((job, evals) ->
                out.put(job, evals.stream().map(e -> e.get("ID").asText()).sorted().toList()));
        return out;
    }

    /**
     * Waits until every one of {@code servers} answers {@code /v1/jobs?stale} with the same
     * {@code X-Nomad-Index}, at least {@code atLeast}; returns that index. Servers at the same
     * index must hold the same jobs: if they do not, this fails at once.
     */
    static long awaitSameJobs(List<ServerProcess> servers, long atLeast, Duration bound) {
        return Await.value(servers + " serve their jobs at the same index, at least " + atLeast, bound, () -> {
            List<JobList> lists = servers.stream().map(s -> staleJobs(s, "")).toList();
            JobList first = lists.get(0);
            if (first.index() < atLeast || lists.stream().anyMatch(l -> l.index() != first.index())) {
                return Optional.empty();
            }
            for (JobList other : lists) {
                assertThat(other.jobModifyIndexes()).as("jobs of %s and %s, both at index %d", other.server(),
                        first.server(), first.index()).isEqualTo(first.jobModifyIndexes());
            }
            return Optional.of(first.index());
        });
    }

    /**
     * Reads {@code path?consistent} on {@code s} until it answers 200, as a client would while
     * the server starts and catches up. It may refuse (no answer yet, 500 while it knows no
     * leader), but it must never answer from state older than the read: a 404 fails at once.
     */
    static Answer awaitConsistentRead(ServerProcess s, String path, Duration bound) {
        return Await.value("a ?consistent read of " + path + " on " + s.name(), bound, () -> {
            Answer a = s.api().get(path + "?consistent");
            assertThat(a.status()).as("a ?consistent read of %s on %s, which has not caught up yet: %s", path,
                    s.name(), a).isNotEqualTo(404);
            return a.status() == 200 ? Optional.of(a) : Optional.empty();
        });
    }
}

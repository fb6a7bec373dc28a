package io.drover.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.await.Await;
import io.drover.testkit.http.Answer;
import io.drover.testkit.process.ServerProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Allocations as a Nomad user sees them in the list endpoints' stubs, and the reads that
 * return them. Reads throw {@link IllegalStateException} unless the server answers 200, so that
 * {@link Await} treats a server that is not answering yet as "not yet".
 */
final class Allocs {
    private static final Set<String> CLIENT_TERMINAL = Set.of("complete", "failed", "lost");
    private static final Set<String> DESIRED_TERMINAL = Set.of("stop", "evict");

    private Allocs() {
    }

    /** One allocation stub's fields that placement is judged by. */
    record Alloc(String id, String name, String jobId, String evalId, String nodeId, String desiredStatus,
            String clientStatus) {
        static Alloc of(JsonNode stub) {
            return new Alloc(stub.get("ID").asText(), stub.get("Name").asText(), stub.get("JobID").asText(),
                    stub.get("EvalID").asText(), stub.get("NodeID").asText(), stub.get("DesiredStatus").asText(),
                    stub.get("ClientStatus").asText());
        }

        /** Nomad's non-terminal: the servers still want it to run and the client has not ended it. */
        boolean live() {
            return !DESIRED_TERMINAL.contains(desiredStatus) && !CLIENT_TERMINAL.contains(clientStatus);
        }

        boolean running() {
            return live() && "running".equals(clientStatus);
        }
    }

    /** {@code GET path} on {@code s}, which must answer a JSON array of allocation stubs. */
    static List<Alloc> read(ServerProcess s, String path) {
        JsonNode array = ok(s, path);
        List<Alloc> out = new ArrayList<>(array.size());
        for (JsonNode stub : array) {
            out.add(Alloc.of(stub));
        }
        return out;
    }

    /** {@code GET /v1/job/:id/allocations}, {@code ?stale} when asked. */
    static List<Alloc> ofJob(ServerProcess s, String jobId, boolean stale) {
        return read(s, "/v1/job/" + jobId + "/allocations" + (stale ? "?stale" : ""));
    }

    /** Every allocation {@code s} serves, by job ID, in the order listed. */
    static Map<String, List<Alloc>> byJob(ServerProcess s, String path) {
        Map<String, List<Alloc>> out = new LinkedHashMap<>();
        for (Alloc a : read(s, path)) {
            out.computeIfAbsent(a.jobId(), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    static List<Alloc> live(List<Alloc> allocs) {
        return allocs.stream().filter(Alloc::live).toList();
    }

    /** The body of a 200 answer to {@code GET path}. */
    static JsonNode ok(ServerProcess s, String path) {
        Answer a = s.api().get(path);
        if (a.status() != 200) {
            throw new IllegalStateException("GET " + path + ": " + a);
        }
        return a.json();
    }
}

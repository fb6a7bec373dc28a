package io.drover.testkit.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits, over an agent's HTTP API, until it is ready for what a test or benchmark does next: a
 * leader elected, nodes registered and ready. An answer other than 200 (no leader yet) counts as
 * "not yet".
 */
public final class AgentReady {
    private AgentReady() {
    }

    /** Until {@code /v1/status/leader?stale} names a leader. */
    public static void leader(NomadClient api, Duration bound) {
        Await.until(api.server() + " names a leader", bound, () -> !leaderOf(api).isEmpty());
    }

    /** Until {@code GET /v1/nodes} lists exactly {@code count} nodes, all ready. */
    public static void nodes(NomadClient api, int count, Duration bound) {
        Await.until(api.server() + " lists " + count + " ready node(s)", bound, () -> {
            Answer a = api.get("/v1/nodes");
            if (a.status() != 200) {
                return false;
            }
            JsonNode nodes = a.json();
            if (nodes.size() != count) {
                return false;
            }
            for (JsonNode n : nodes) {
                if (!"ready".equals(n.path("Status").asText())) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The leader {@code api}'s server names ({@code ?stale}: its own view), or "" while it knows none. */
    public static String leaderOf(NomadClient api) {
        Answer a = api.get("/v1/status/leader?stale", Duration.ofSeconds(2));
        return a.status() == 200 ? Optional.ofNullable(a.json().textValue()).orElse("") : "";
    }
}

package io.drover.testkit.process;

import io.drover.testkit.http.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who leads a cluster of server processes, as an operator would find out over the HTTP API. */
public final class Leaders {
    /** Short: a server that does not answer within it is taken as not agreeing yet. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private Leaders() {
    }

    /**
     * The leader, if every running server names the same one in {@code /v1/status/leader} and
     * that server calls itself Leader in {@code /v1/agent/self}; empty while they disagree or one
     * answers with an error. A server that does not answer at all throws, so that a wait can say
     * which.
     */
    public static Optional<ServerProcess> agreed(List<ServerProcess> servers) {
        List<ServerProcess> running = servers.stream().filter(ServerProcess::isRunning).toList();
        String named = null;
        for (ServerProcess s : running) {
            Answer a = s.api().get("/v1/status/leader", PROBE_TIMEOUT);
            if (a.status() != 200) {
                return Optional.empty();
            }
            String leader = a.json().asText();
            if (leader.isEmpty() || (named != null && !named.equals(leader))) {
                return Optional.empty();
            }
            named = leader;
        }
        String address = named;
        return running.stream().filter(s -> s.raftAddress().equals(address))
                .filter(s -> "Leader".equals(raftState(s))).findFirst();
    }

    /**
     * {@code stats.raft.state} of {@code /v1/agent/self}: "Leader", "Follower" or "Candidate";
     * "" if it answers with an error. A server that does not answer throws.
     */
    public static String raftState(ServerProcess s) {
        Answer self = s.api().get("/v1/agent/self", PROBE_TIMEOUT);
        return self.status() == 200 ? self.json().path("stats").path("raft").path("state").asText() : "";
    }
}

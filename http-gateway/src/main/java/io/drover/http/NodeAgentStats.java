package io.drover.http;

import java.time.Duration;
import java.util.List;

/**
 * The node agent that runs in this agent's process (a dev agent's own node), for the
 * {@code client} section of {@code /v1/agent/self} (what Nomad's client {@code Stats()} reports).
 *
 * @param nodeId the node's ID
 * @param knownServers the server addresses it talks to
 * @param numAllocations the allocations it holds (running or finished, until collected)
 * @param sinceLastHeartbeat time since the servers last took its heartbeat; zero before the first
 * @param heartbeatTtl the time-to-live the servers granted with that heartbeat
 */
public record NodeAgentStats(String nodeId, List<String> knownServers, int numAllocations,
        Duration sinceLastHeartbeat, Duration heartbeatTtl) {
    public NodeAgentStats {
        knownServers = List.copyOf(knownServers);
    }
}

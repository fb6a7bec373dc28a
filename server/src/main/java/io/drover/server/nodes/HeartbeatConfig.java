package io.drover.server.nodes;

import java.time.Duration;

/**
 * Nomad's server heartbeat settings: the TTL grows with the number of nodes so the leader sees
 * at most {@code maxHeartbeatsPerSecond}, never below {@code minHeartbeatTtl}; a node is down
 * once {@code heartbeatGrace} passed its TTL; after a leader change every node gets
 * {@code failoverHeartbeatTtl} to reach the new leader.
 */
public record HeartbeatConfig(Duration minHeartbeatTtl, double maxHeartbeatsPerSecond, Duration heartbeatGrace,
        Duration failoverHeartbeatTtl) {
    public static HeartbeatConfig defaults() {
        return new HeartbeatConfig(Duration.ofSeconds(10), 50.0, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }
}

package io.drover.server.raft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run this server's Raft peer.
 *
 * @param bindHost the address the Raft transport listens on
 * @param bindPort the port it listens on (other servers may reach it at another, through a proxy)
 * @param advertiseAddress host:port other servers reach this peer at (its identity)
 * @param peerAddresses the Raft addresses of every server in the group, this one included
 * @param storageDir where the Raft log and metadata live
 * @param electionTimeoutMin lower bound of the randomized election timeout
 * @param electionTimeoutMax upper bound of the randomized election timeout
 * @param snapshotThreshold entries between automatic snapshots (after which the log is purged)
 */
public record RaftNodeConfig(String bindHost, int bindPort, String advertiseAddress, List<String> peerAddresses, Path storageDir,
        Duration electionTimeoutMin, Duration electionTimeoutMax, long snapshotThreshold) {
    public RaftNodeConfig {
        Objects.requireNonNull(advertiseAddress, "advertiseAddress");
        peerAddresses = List.copyOf(peerAddresses);
        if (!peerAddresses.contains(advertiseAddress)) {
            throw new IllegalArgumentException("the peers " + peerAddresses + " must include this server ("
                    + advertiseAddress + ")");
        }
    }
}

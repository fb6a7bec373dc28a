package io.drover.http;

import java.util.List;

/**
 * This server's view of the Raft group at one moment.
 *
 * @param leader whether this server is the leader and ready to serve
 * @param knownLeader whether this server knows a leader
 * @param lastContactMillis time since this server last heard from the leader; 0 on the leader
 * @param leaderRaftAddress the leader's Raft address, or null if none is known
 * @param peers the voting members of the group
 */
public record RaftStatus(boolean leader, boolean knownLeader, long lastContactMillis, String leaderRaftAddress,
        List<Peer> peers) {
    public RaftStatus {
        peers = List.copyOf(peers);
    }

    /** A member of the Raft group. */
    public record Peer(String id, String raftAddress, boolean leader, boolean voter) {
    }
}

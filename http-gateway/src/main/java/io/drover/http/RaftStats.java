package io.drover.http;

/**
 * This server's Raft log and state machine at one moment, for the {@code raft} section of
 * {@code /v1/agent/self} (what Nomad's {@code raft.Stats()} reports).
 *
 * @param state "Leader", "Follower" or "Candidate", as Nomad names Raft's states
 * @param term the current term
 * @param lastLogIndex the index of the last entry in this server's log
 * @param lastLogTerm the term of that entry
 * @param commitIndex the highest entry this server knows to be committed
 * @param appliedIndex the highest entry this server's state machine applied
 * @param lastSnapshotIndex the index the latest snapshot covers, 0 if none
 * @param lastSnapshotTerm the term of that index, 0 if none
 * @param configurationIndex the log index of the group's current configuration, 0 for the initial one
 */
public record RaftStats(String state, long term, long lastLogIndex, long lastLogTerm, long commitIndex,
        long appliedIndex, long lastSnapshotIndex, long lastSnapshotTerm, long configurationIndex) {
}

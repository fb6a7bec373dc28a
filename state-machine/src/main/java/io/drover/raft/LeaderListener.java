package io.drover.raft;

/**
 * Told when this server's leadership changes, so leader-only services can start and stop.
 * Called on Ratis threads: implementations must return quickly.
 */
public interface LeaderListener {
    /** This server is leader and has committed an entry of its term: it may serve. */
    void onLeaderReady();

    /** This server is no longer leader. */
    void onNotLeader();

    /** The group's leader changed (to null if unknown), as this server sees it. */
    void onLeaderChanged(String leaderId);
}

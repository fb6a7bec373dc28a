package io.drover.server;

import io.drover.raft.LeaderListener;
import java.util.List;

/**
 * Tells several listeners of each leadership change, in the order given: the state machine
 * takes one listener, and both the leader-only services and this server's announcer need to hear.
 */
final class LeaderListeners implements LeaderListener {
    private final List<LeaderListener> listeners;

    private LeaderListeners(List<LeaderListener> listeners) {
        this.listeners = listeners;
    }

    static LeaderListener inOrder(LeaderListener... listeners) {
        return new LeaderListeners(List.of(listeners));
    }

    @Override
    public void onLeaderReady() {
        listeners.forEach(LeaderListener::onLeaderReady);
    }

    @Override
    public void onNotLeader() {
        listeners.forEach(LeaderListener::onNotLeader);
    }

    @Override
    public void onLeaderChanged(String leaderId) {
        listeners.forEach(l -> l.onLeaderChanged(leaderId));
    }
}

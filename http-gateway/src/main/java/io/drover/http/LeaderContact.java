package io.drover.http;

/**
 * This server's contact with the leader, as each answer reports it.
 *
 * @param leader whether this server leads (and may serve a default read from its own state)
 * @param knownLeader whether it knows a leader ({@code X-Nomad-KnownLeader})
 * @param lastContactMillis since it last heard from the leader, 0 on the leader ({@code X-Nomad-LastContact})
 */
public record LeaderContact(boolean leader, boolean knownLeader, long lastContactMillis) {
}

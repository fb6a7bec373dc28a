package io.drover.http.query;

import io.drover.http.core.Headers;
import java.util.List;
import java.util.Map;

/**
 * What a read answer says about itself (Nomad's {@code QueryMeta}): the index it reflects, and
 * how this server stood with the leader when it answered.
 */
public record QueryMeta(long index, boolean knownLeader, long lastContactMillis) {
    /** The headers Nomad's {@code setMeta} writes. */
    public List<Map.Entry<String, String>> headers() {
        return List.of(Map.entry(Headers.NOMAD_INDEX, Long.toString(index)),
                Map.entry(Headers.NOMAD_KNOWN_LEADER, Boolean.toString(knownLeader)),
                Map.entry(Headers.NOMAD_LAST_CONTACT, Long.toString(lastContactMillis)));
    }
}

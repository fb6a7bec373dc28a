package io.drover.state.rocks;

import io.drover.model.json.ModelCopy;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nodes decoded once per version. Every scheduler pass reads every node, and decoding a node's
 * JSON (attributes, drivers, resources) cost more than the placement itself: 5,000 nodes a pass,
 * a thousand passes for a thousand jobs. Nodes change rarely (a heartbeat that keeps the status
 * writes nothing), so a node whose stored bytes are those decoded last time is copied from that
 * decoding instead ({@link ModelCopy}, a fraction of a JSON decode). Readers get their own copy:
 * some change what they read. One per database; shared by its readers, across threads.
 */
final class DecodedNodes {
    private final ConcurrentHashMap<String, Decoded> byId = new ConcurrentHashMap<>();

    private record Decoded(byte[] stored, Node node) {
    }

    /** {@code NomadJson.read(stored, Node.class)} for the node of ID {@code nodeId}, from the last decoding if it is unchanged. */
    Node decode(String nodeId, byte[] stored) {
        Decoded last = byId.get(nodeId);
        if (last != null && Arrays.equals(last.stored, stored)) {
            return ModelCopy.deep(last.node, null);
        }
        Node node = NomadJson.read(stored, Node.class);
        byId.put(nodeId, new Decoded(stored, ModelCopy.deep(node, null)));
        return node;
    }

    /** Forgets the nodes not in {@code present} (deleted ones), after a read of all of them. */
    void retainOnly(Set<String> present) {
        byId.keySet().retainAll(present);
    }
}

package io.drover.scheduler.select;

import io.drover.model.node.Node;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shuffles candidate nodes so placements spread over the cluster (Nomad's {@code shuffleNodes}),
 * but from a seed, so a scheduler run is a pure function of its inputs: every server, and every
 * replay, shuffles the same nodes the same way for the same evaluation.
 */
public final class NodeShuffle {
    private NodeShuffle() {
    }

    /** Fisher-Yates over {@code nodes}, in place, driven by {@code seed}. */
    public static void shuffle(List<Node> nodes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = nodes.size() - 1; i > 0; i--) {
            Collections.swap(nodes, i, random.nextInt(i + 1));
        }
    }

    /** A stable 64-bit seed for an evaluation ID (FNV-1a over its UTF-8 bytes); 0 for null. */
    public static long seedOf(String evalId) {
        if (evalId == null) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (byte b : evalId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}

package io.drover.hcl;

import java.util.List;

/** HCL1's syntax tree: a value is a literal, a list or an object (a list of items). */
public sealed interface HclNode {
    HclPos pos();

    /** A string, heredoc, number or bool; {@code value} is a String, Long, Double or Boolean. */
    record Literal(Object value, HclPos pos) implements HclNode {
    }

    record ListValue(List<HclNode> elements, HclPos pos) implements HclNode {
    }

    /** {@code { ... }}: items in source order, a key repeated as often as it was written. */
    record ObjectValue(List<Item> items, HclPos pos) implements HclNode {
    }

    /**
     * {@code key = value} (one key, {@code assign} true) or {@code key "label" ... { }} (a block:
     * the labels follow the key). {@code keyPositions} has where each key and label was written,
     * so that errors about a label can point at it rather than at its block.
     */
    record Item(List<String> keys, List<HclPos> keyPositions, boolean assign, HclNode value) {
        public Item {
            keys = List.copyOf(keys);
            keyPositions = List.copyOf(keyPositions);
            if (keys.isEmpty() || keys.size() != keyPositions.size()) {
                throw new IllegalArgumentException("an item needs a position for each of its keys");
            }
        }

        public String key() {
            return keys.get(0);
        }

        /** Where the item starts: its first key. */
        public HclPos pos() {
            return keyPositions.get(0);
        }
    }
}

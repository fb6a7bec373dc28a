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
     * the labels follow the key).
     */
    record Item(List<String> keys, boolean assign, HclNode value, HclPos pos) {
        public String key() {
            return keys.get(0);
        }
    }
}

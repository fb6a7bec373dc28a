package io.drover.model.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Field diffs from flattened values (Nomad's {@code fieldDiff} and {@code fieldDiffs}). A value
 * that is the empty string counts as absent: from empty to something is Added, the reverse
 * Deleted. Unchanged values are listed, as None, only in a contextual diff.
 */
final class FieldDiffs {
    /** Nomad's FieldDiff.Less: by name, then old value, then new value. */
    static final Comparator<FieldDiff> ORDER = (a, b) -> {
        int c = GoValues.compare(a.name, b.name);
        if (c == 0) {
            c = GoValues.compare(a.old, b.old);
        }
        return c != 0 ? c : GoValues.compare(a.updated, b.updated);
    };

    private FieldDiffs() {
    }

    /** The diff of one value, or null when it did not change and the diff is not contextual. */
    static FieldDiff of(String old, String updated, String name, boolean contextual) {
        if (old.equals(updated)) {
            return contextual ? new FieldDiff(DiffType.NONE, name, old, updated) : null;
        }
        if (old.isEmpty()) {
            return new FieldDiff(DiffType.ADDED, name, "", updated);
        }
        if (updated.isEmpty()) {
            return new FieldDiff(DiffType.DELETED, name, old, "");
        }
        return new FieldDiff(DiffType.EDITED, name, old, updated);
    }

    /** The diffs of every key of either map, sorted; null maps count as empty. */
    static List<FieldDiff> of(Map<String, String> old, Map<String, String> updated, boolean contextual) {
        Map<String, String> o = old == null ? Map.of() : old;
        Map<String, String> n = updated == null ? Map.of() : updated;
        List<FieldDiff> out = new ArrayList<>();
        o.forEach((k, v) -> add(out, of(v, n.getOrDefault(k, ""), k, contextual)));
        n.forEach((k, v) -> {
            if (!o.containsKey(k)) {
                add(out, of("", v, k, contextual));
            }
        });
        out.sort(ORDER);
        return out;
    }

    private static void add(List<FieldDiff> out, FieldDiff d) {
        if (d != null) {
            out.add(d);
        }
    }
}

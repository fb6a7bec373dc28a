package io.drover.model.diff;

import java.util.Arrays;
import java.util.List;

/** Short spellings of expected diffs, so ported Nomad cases read like Nomad's own tables. */
final class Expected {
    private Expected() {
    }

    static FieldDiff edited(String name, String old, String updated) {
        return new FieldDiff(DiffType.EDITED, name, old, updated);
    }

    static FieldDiff added(String name, String updated) {
        return new FieldDiff(DiffType.ADDED, name, "", updated);
    }

    static FieldDiff deleted(String name, String old) {
        return new FieldDiff(DiffType.DELETED, name, old, "");
    }

    /** An unchanged field of a contextual diff. */
    static FieldDiff same(String name, String value) {
        return new FieldDiff(DiffType.NONE, name, value, value);
    }

    static ObjectDiff object(DiffType type, String name, List<FieldDiff> fields, ObjectDiff... objects) {
        return new ObjectDiff(type, name, fields, Arrays.asList(objects));
    }

    @SafeVarargs
    static <T> List<T> list(T... items) {
        return Arrays.asList(items);
    }
}

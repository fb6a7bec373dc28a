package io.drover.model.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The generic object diffs every part of a job is built from: a flat object's scalars
 * ({@code primitiveObjectDiff}), an unordered set of flat objects ({@code primitiveObjectSetDiff}),
 * a set of strings ({@code stringSetDiff}) and a free-form map ({@code configDiff}), plus Nomad's
 * order of object diffs.
 *
 * <p>A set has no edits: a member that changed is one Deleted and one Added object, since members
 * are matched by their whole value. Only a contextual diff lists unchanged strings of a set.
 */
final class ObjectDiffs {
    /**
     * Nomad's ObjectDiff.Less: by name, then type (edited, added, deleted, none), then fewer fields,
     * then fewer objects, then field by field and object by object. Nomad stops at the first
     * member that is less; this compares at the first member that differs, which agrees with it
     * whenever Nomad's order is consistent.
     */
    static final Comparator<ObjectDiff> ORDER = new Comparator<>() {
        @Override
        public int compare(ObjectDiff a, ObjectDiff b) {
            int c = GoValues.compare(a.name, b.name);
            if (c == 0) {
                c = a.type.compareTo(b.type);
            }
            List<FieldDiff> af = Lists.orEmpty(a.fields);
            List<FieldDiff> bf = Lists.orEmpty(b.fields);
            List<ObjectDiff> ao = Lists.orEmpty(a.objects);
            List<ObjectDiff> bo = Lists.orEmpty(b.objects);
            if (c == 0) {
                c = Integer.compare(af.size(), bf.size());
            }
            if (c == 0) {
                c = Integer.compare(ao.size(), bo.size());
            }
            for (int i = 0; c == 0 && i < af.size(); i++) {
                c = FieldDiffs.ORDER.compare(af.get(i), bf.get(i));
            }
            for (int i = 0; c == 0 && i < ao.size(); i++) {
                c = compare(ao.get(i), bo.get(i));
            }
            return c;
        }
    };

    private ObjectDiffs() {
    }

    /**
     * The diff of a flat object's scalars, or null when none changed. Added when only new values
     * appear, Deleted when only old ones vanish, Edited otherwise. Either side may be null.
     */
    static ObjectDiff primitive(Object old, Object updated, Set<String> filter, String name, boolean contextual) {
        List<FieldDiff> fields = FieldDiffs.of(Flatmap.primitives(old, filter), Flatmap.primitives(updated, filter),
                contextual);
        boolean added = false;
        boolean deleted = false;
        boolean edited = false;
        for (FieldDiff f : fields) {
            switch (f.type) {
                case EDITED -> edited = true;
                case ADDED -> added = true;
                case DELETED -> deleted = true;
                default -> {
                }
            }
        }
        DiffType type;
        if (edited || added && deleted) {
            type = DiffType.EDITED;
        } else if (added) {
            type = DiffType.ADDED;
        } else if (deleted) {
            type = DiffType.DELETED;
        } else {
            return null;
        }
        return new ObjectDiff(type, name, fields, null);
    }

    /**
     * The members of two unordered sets of flat objects that are in only one of them, each as a
     * Deleted or Added object diff, sorted. Equal members count once, as in Nomad's hash set.
     */
    static <T> List<ObjectDiff> primitiveSet(List<T> old, List<T> updated, Set<String> filter, String name,
            boolean contextual) {
        return unmatched(old, updated, (o, n) -> primitive(o, n, filter, name, contextual));
    }

    /**
     * The members of two unordered sets that are in only one of them, matched by whole value as
     * Nomad's hashstructure matches them: each is diffed against null (old members first), the
     * diffs sorted. A member that changed is thus a Deleted and an Added diff, never an Edited one.
     */
    static <T> List<ObjectDiff> unmatched(List<T> old, List<T> updated, BiFunction<T, T, ObjectDiff> diff) {
        Map<String, T> oldSet = hashSet(old);
        Map<String, T> newSet = hashSet(updated);
        List<ObjectDiff> out = new ArrayList<>();
        oldSet.forEach((k, v) -> {
            if (!newSet.containsKey(k)) {
                addIfAny(out, diff.apply(v, null));
            }
        });
        newSet.forEach((k, v) -> {
            if (!oldSet.containsKey(k)) {
                addIfAny(out, diff.apply(null, v));
            }
        });
        return sorted(out);
    }

    /** Set members by hash identity; a later duplicate replaces an earlier one, as a Go map put. */
    private static <T> Map<String, T> hashSet(List<T> items) {
        Map<String, T> set = new LinkedHashMap<>();
        for (T item : Lists.orEmpty(items)) {
            set.put(GoEquality.setKey(item), item);
        }
        return set;
    }

    /**
     * The diff of two sets of strings, each field named after the set. Null when nothing changed,
     * unless contextual and the sets are not empty: then a None diff listing every string.
     */
    static ObjectDiff stringSet(List<String> old, List<String> updated, String name, boolean contextual) {
        Set<String> o = new HashSet<>(Lists.orEmpty(old));
        Set<String> n = new HashSet<>(Lists.orEmpty(updated));
        if (o.equals(n) && !contextual) {
            return null;
        }
        List<FieldDiff> fields = new ArrayList<>();
        boolean added = false;
        boolean removed = false;
        for (String s : o) {
            if (!n.contains(s)) {
                fields.add(FieldDiffs.of(s, "", name, contextual));
                removed = true;
            } else if (contextual) {
                fields.add(FieldDiffs.of(s, s, name, true));
            }
        }
        for (String s : n) {
            if (!o.contains(s)) {
                fields.add(FieldDiffs.of("", s, name, contextual));
                added = true;
            }
        }
        fields.sort(FieldDiffs.ORDER);
        DiffType type;
        if (added && removed) {
            type = DiffType.EDITED;
        } else if (added) {
            type = DiffType.ADDED;
        } else if (removed) {
            type = DiffType.DELETED;
        } else if (fields.isEmpty()) {
            return null;
        } else {
            type = DiffType.NONE;
        }
        return new ObjectDiff(type, name, fields, null);
    }

    /**
     * The diff of a free-form map such as a driver's Config or a check's Header, flattened whole.
     * Null when the maps are deeply equal; Added when the old one is empty, Deleted when the new
     * one is, else Edited. A null map and an empty one differ, as Go's nil and empty maps do.
     */
    static ObjectDiff freeForm(Map<String, ?> old, Map<String, ?> updated, String name, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        DiffType type;
        if (old == null || old.isEmpty()) {
            type = DiffType.ADDED;
        } else if (updated == null || updated.isEmpty()) {
            type = DiffType.DELETED;
        } else {
            type = DiffType.EDITED;
        }
        return new ObjectDiff(type, name, FieldDiffs.of(Flatmap.freeForm(old), Flatmap.freeForm(updated), contextual),
                null);
    }

    /**
     * The diff of a flat object that is compared whole first: null when deeply equal, else its
     * scalars (check_restart, a requested device's).
     */
    static ObjectDiff whole(Object old, Object updated, String name, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        return new ObjectDiff(presence(old, updated), name,
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), contextual), null);
    }

    /** The type of a nested object's diff once it is known to differ: by which side is missing. */
    static DiffType presence(Object old, Object updated) {
        if (old == null) {
            return DiffType.ADDED;
        }
        return updated == null ? DiffType.DELETED : DiffType.EDITED;
    }

    /** Members matched by a key (see {@link ByKey}), each pair diffed, the diffs sorted. */
    static <T> List<ObjectDiff> matched(List<T> old, List<T> updated, Function<T, String> key,
            BiFunction<T, T, ObjectDiff> diff) {
        return sorted(ByKey.pairs(old, updated, key, diff));
    }

    static void addIfAny(List<ObjectDiff> out, ObjectDiff d) {
        if (d != null) {
            out.add(d);
        }
    }

    static List<ObjectDiff> sorted(List<ObjectDiff> diffs) {
        diffs.sort(ORDER);
        return diffs;
    }
}

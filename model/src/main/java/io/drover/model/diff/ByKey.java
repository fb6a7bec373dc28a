package io.drover.model.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Nomad's way of pairing the members of two lists that are matched by a key (a group's, task's,
 * service's, check's or device's name, a port's label): each list goes into a map, so a later
 * duplicate key replaces an earlier member; every old member is diffed against the new member of
 * its key (or nothing), then every new member without an old one against nothing. The caller
 * sorts the result; a null key counts as Go's empty string.
 */
final class ByKey {
    private ByKey() {
    }

    /** The non-null diffs of all pairs, old members first. */
    static <T, D> List<D> pairs(List<T> old, List<T> updated, Function<T, String> key, BiFunction<T, T, D> diff) {
        Map<String, T> oldMap = index(old, key);
        Map<String, T> newMap = index(updated, key);
        List<D> out = new ArrayList<>();
        oldMap.forEach((k, o) -> addIfAny(out, diff.apply(o, newMap.get(k))));
        newMap.forEach((k, n) -> {
            if (!oldMap.containsKey(k)) {
                addIfAny(out, diff.apply(null, n));
            }
        });
        return out;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T item : Lists.orEmpty(items)) {
            String k = key.apply(item);
            out.put(k == null ? "" : k, item);
        }
        return out;
    }

    private static <D> void addIfAny(List<D> out, D d) {
        if (d != null) {
            out.add(d);
        }
    }
}

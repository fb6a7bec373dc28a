package io.drover.model.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's nil slices for the diff values: Nomad builds every list of a diff by appending to a nil
 * slice, so an empty list never reaches JSON as {@code []} but as {@code null}. Keeping empty as
 * null in the values makes serialization match without custom serializers.
 */
final class Lists {
    private Lists() {
    }

    /** An unmodifiable copy, or null for a null or empty list. */
    static <T> List<T> nilIfEmpty(List<T> items) {
        return items == null || items.isEmpty() ? null : List.copyOf(items);
    }

    /** The items, treating null as empty. */
    static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }

    /** {@code items} plus one more at the end, as Go's append. */
    static <T> List<T> append(List<T> items, T item) {
        List<T> out = new ArrayList<>(orEmpty(items));
        out.add(item);
        return out;
    }
}

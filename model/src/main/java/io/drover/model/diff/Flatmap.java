package io.drover.model.diff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nomad's {@code helper/flatmap.Flatten}: an object as a flat map from paths to Go's {@code %v}
 * of each value. Two modes, as in Nomad.
 *
 * <ul>
 * <li>{@link #primitives}: a model struct's own scalars only. Nested structs, pointers and slices
 *     are skipped, pointer scalars too, set or not; a {@code map[string]string} field gives one
 *     entry per key, {@code Meta[k]}; a null Go value is its zero value ({@code ""},
 *     {@code false}, {@code 0}).</li>
 * <li>{@link #freeForm}: everything in a free-form map (driver Config, check Header): nested maps
 *     as {@code key[sub]}, lists as {@code key[0]}, JSON null as {@code nil}, empty lists as
 *     nothing.</li>
 * </ul>
 */
final class Flatmap {
    private Flatmap() {
    }

    /** {@code Flatten(obj, filter, true)}; an empty map for null. */
    static Map<String, String> primitives(Object struct, Set<String> filter) {
        Map<String, String> out = new HashMap<>();
        if (struct == null) {
            return out;
        }
        for (ModelFields.Slot slot : ModelFields.of(struct.getClass())) {
            if (slot.pointer()) {
                // Go's flatten does not follow pointers once inside a struct, set or not.
                continue;
            }
            Object value = slot.zeroIfNull(slot.get(struct));
            switch (slot.kind()) {
                case STRING, BOOL -> {
                    if (value != null) {
                        out.put(slot.goName(), value.toString());
                    }
                }
                case INT -> {
                    if (value != null) {
                        out.put(slot.goName(), GoValues.integer((Number) value, slot.unsigned()));
                    }
                }
                case FLOAT -> {
                    if (value != null) {
                        out.put(slot.goName(), GoValues.float64(((Number) value).doubleValue()));
                    }
                }
                case STRING_MAP -> {
                    if (value != null) {
                        ((Map<?, ?>) value).forEach((k, v) ->
                                out.put(slot.goName() + "[" + k + "]", v == null ? "" : v.toString()));
                    }
                }
                default -> {
                    // Structs, pointers, slices and maps of non-strings: Nomad diffs them, if at
                    // all, as objects of their own.
                }
            }
        }
        if (filter != null) {
            out.keySet().removeAll(filter);
        }
        return out;
    }

    /** {@code Flatten(map, nil, false)}; an empty map for null. */
    static Map<String, String> freeForm(Map<String, ?> map) {
        Map<String, String> out = new HashMap<>();
        if (map != null) {
            map.forEach((k, v) -> flatten(k, v, out));
        }
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix + "[" + k + "]", v, out));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "[" + i + "]", l.get(i), out);
            }
        } else {
            out.put(prefix, GoValues.freeForm(value));
        }
    }
}

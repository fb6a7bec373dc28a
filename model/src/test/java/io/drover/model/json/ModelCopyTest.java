package io.drover.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Allocation#copySkipJob()} copies field by field: it must give what the JSON round trip
 * it replaced gave, and share nothing mutable but the job. The allocation is filled reflectively,
 * every field of every nested value set, so a field added to the model later is covered too.
 */
class ModelCopyTest {

    @Test
    void copySkipJobEqualsTheJsonRoundTripOfAFullyFilledAllocation() {
        Allocation a = NomadJson.read(NomadJson.write(filled()), Allocation.class);
        a.job = new Job();
        a.job.id = "web";

        Allocation c = a.copySkipJob();

        assertThat(c.job).isSameAs(a.job);
        assertThat(new String(NomadJson.write(c))).isEqualTo(new String(NomadJson.write(a)));
        Set<Object> originals = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        originals.addAll(mutablesOf(a));
        originals.remove(a.job);
        assertThat(mutablesOf(c)).as("lists, maps and model values the copy shares with the original")
                .filteredOn(originals::contains).isEmpty();
    }

    @Test
    void copySkipJobLeavesTheOriginalAsItWas() {
        Allocation a = NomadJson.read(NomadJson.write(filled()), Allocation.class);
        a.job = new Job();
        byte[] before = NomadJson.write(a);

        Allocation c = a.copySkipJob();
        c.taskStates.values().iterator().next().events.get(0).message = "changed";
        c.allocatedResources.tasks.values().iterator().next().networks.get(0).dynamicPorts.get(0).value = 9;
        c.metrics.scores.put("other", 2.0);

        assertThat(new String(NomadJson.write(a))).isEqualTo(new String(before));
    }

    @Test
    void everyFieldOfTheFixtureIsSet() {
        Allocation a = filled();
        for (Field f : Allocation.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !f.getName().equals("job")) {
                assertThat(get(f, a)).as(f.getName()).isNotNull();
            }
        }
        assertThat(a.taskStates.values().iterator().next().events.get(0).details).isNotEmpty();
    }

    /** An allocation with every field (but the job) set to a non-empty value, recursively. */
    private static Allocation filled() {
        Allocation a = (Allocation) fill(Allocation.class, 0);
        a.job = null;
        return a;
    }

    private static Object fill(Type type, int depth) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class || raw == Object.class) {
            return "v" + depth;
        }
        if (raw == Integer.class || raw == int.class) {
            return 7;
        }
        if (raw == Long.class || raw == long.class) {
            return 11L;
        }
        if (raw == Double.class || raw == double.class) {
            return 0.5;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return true;
        }
        if (raw == List.class) {
            List<Object> l = new ArrayList<>();
            l.add(fill(((ParameterizedType) type).getActualTypeArguments()[0], depth + 1));
            return l;
        }
        if (raw == Map.class) {
            Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
            Map<Object, Object> m = new LinkedHashMap<>();
            m.put("k" + depth, fill(kv[1], depth + 1));
            return m;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        try {
            Object o = raw.getDeclaredConstructor().newInstance();
            if (depth > 8) {
                return o;
            }
            for (Field f : raw.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && f.getType() != Job.class) {
                    f.set(o, fill(f.getGenericType(), depth + 1));
                }
            }
            return o;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(raw.getName(), e);
        }
    }

    /** Every list, map and model object reachable from {@code root}, by identity. */
    private static List<Object> mutablesOf(Object root) {
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> out = new ArrayList<>();
        walk(root, seen, out);
        return out;
    }

    private static void walk(Object o, Set<Object> seen, List<Object> out) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>
                || !seen.add(o)) {
            return;
        }
        out.add(o);
        if (o instanceof Iterable<?> it) {
            it.forEach(v -> walk(v, seen, out));
        } else if (o instanceof Map<?, ?> m) {
            m.values().forEach(v -> walk(v, seen, out));
        } else if (!(o instanceof Job)) {
            for (Field f : o.getClass().getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    walk(get(f, o), seen, out);
                }
            }
        }
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.drover.model.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deep copies of model values field by field, without going through JSON: the same fields
 * {@link NomadJson} writes (public or {@code @JsonProperty}, not {@code @JsonIgnore}), lists
 * and maps copied in their order, strings, boxed numbers, booleans and enums shared (they are
 * immutable). For a value read from the store (so already in the form JSON decoding gives) the
 * copy is what a JSON round trip would give, at a fraction of the cost: allocations are copied
 * on every stop and client update.
 *
 * <p>A field of a type this class does not know fails loudly rather than being shared.
 */
public final class ModelCopy {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            List<Field> out = new ArrayList<>();
            for (Field f : type.getDeclaredFields()) {
                int mods = f.getModifiers();
                if (Modifier.isStatic(mods) || Modifier.isTransient(mods) || f.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                if (Modifier.isPublic(mods) || f.isAnnotationPresent(JsonProperty.class)) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
            try {
                Constructor<?> ctor = type.getDeclaredConstructor();
                ctor.setAccessible(true);
                return new Shape(ctor, out.toArray(Field[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("model class without a no-arg constructor: " + type.getName(), e);
            }
        }
    };

    /** How to build a class's copy: its no-arg constructor and the fields to carry over. */
    private record Shape(Constructor<?> ctor, Field[] fields) {
    }

    private ModelCopy() {
    }

    /** A deep copy of {@code value}; the field named {@code sharedField} is shared instead of copied. */
    @SuppressWarnings("unchecked")
    public static <T> T deep(T value, String sharedField) {
        return (T) copyObject(value, sharedField);
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value == null || isImmutable(value)) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> c = new ArrayList<>(list.size());
            for (Object v : list) {
                c.add(copy(v));
            }
            return c;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> c = map instanceof TreeMap<?, ?> tree
                    ? new TreeMap<>(((TreeMap<Object, Object>) tree).comparator())
                    : new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                c.put(e.getKey(), copy(e.getValue()));
            }
            return c;
        }
        if (value instanceof Set<?> set) {
            Set<Object> c = new LinkedHashSet<>();
            for (Object v : set) {
                c.add(copy(v));
            }
            return c;
        }
        if (value instanceof Collection<?> || !ModelStructs.isModelClass(value.getClass())) {
            throw new IllegalStateException("cannot copy a " + value.getClass().getName() + " field by field");
        }
        return copyObject(value, null);
    }

    private static Object copyObject(Object value, String sharedField) {
        Shape shape = SHAPES.get(value.getClass());
        try {
            Object c = shape.ctor().newInstance();
            for (Field f : shape.fields()) {
                Object v = f.get(value);
                f.set(c, f.getName().equals(sharedField) ? v : copy(v));
            }
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy a " + value.getClass().getName(), e);
        }
    }

    private static boolean isImmutable(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof Float
                || value instanceof Short || value instanceof Byte || value instanceof Character
                || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Enum<?>;
    }
}

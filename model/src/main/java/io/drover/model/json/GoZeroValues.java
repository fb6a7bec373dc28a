package io.drover.model.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a model object graph by reflection over its {@link JsonProperty} fields. It fills what Go
 * would hold as zero values where Java holds null (a non-pointer {@code string} is {@code ""},
 * never nil), and it swaps collections for mutable copies so canonicalization can edit jobs built
 * with immutable lists.
 */
public final class GoZeroValues {
    /** What the walk needs of each model class, worked out once: reflection is slow per call. */
    private static final ClassValue<List<Slot>> PLANS = new ClassValue<>() {
        @Override
        protected List<Slot> computeValue(Class<?> type) {
            List<Slot> out = new ArrayList<>();
            for (Field f : ModelMerge.fields(type)) {
                boolean apiOnly = f.getAnnotation(JsonProperty.class).access() == JsonProperty.Access.WRITE_ONLY;
                boolean fillable = !apiOnly && !f.isAnnotationPresent(GoNullable.class);
                out.add(new Slot(f, fillable ? scalarZero(f.getType()) : null, Shape.of(f.getGenericType())));
            }
            return List.copyOf(out);
        }
    };
    private GoZeroValues() {
    }

    static boolean isModel(Class<?> type) {
        return type != null && ModelStructs.isModelClass(type) && !type.isEnum() && !type.isInterface();
    }

    /** Replaces Go-value nulls in {@code root} and everything it reaches with Go's zero values. */
    public static void fill(Object root) {
        walk(root, true);
    }

    /** Replaces every list and map in {@code root}'s graph with a mutable copy. */
    public static void makeMutable(Object root) {
        walk(root, false);
    }

    private static void walk(Object obj, boolean fillZeros) {
        for (Slot s : PLANS.get(obj.getClass())) {
            try {
                Object value = s.field.get(obj);
                if (value == null) {
                    if (fillZeros && s.zero != null) {
                        s.field.set(obj, s.zero);
                    }
                    continue;
                }
                Object replaced = visit(value, s.shape, fillZeros);
                if (replaced != value) {
                    s.field.set(obj, replaced);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("model field not accessible: " + s.field, e);
            }
        }
    }

    private static Object scalarZero(Class<?> type) {
        if (type == String.class) {
            return "";
        }
        if (type == Integer.class) {
            return 0;
        }
        if (type == Long.class) {
            return 0L;
        }
        if (type == Boolean.class) {
            return false;
        }
        return null;
    }

    /** Visits one value of the given declared shape; returns the value to store in its place. */
    private static Object visit(Object value, Shape shape, boolean fillZeros) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object e : list) {
                copy.add(visitElement(e, shape.element(), fillZeros));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            if (shape.element().raw() == Object.class) {
                // Free-form values (driver config): Go keeps them as decoded.
                return new LinkedHashMap<>(map);
            }
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put(e.getKey(), visitElement(e.getValue(), shape.element(), fillZeros));
            }
            return copy;
        }
        if (shape.model()) {
            walk(value, fillZeros);
        }
        return value;
    }

    private static Object visitElement(Object e, Shape shape, boolean fillZeros) {
        if (e == null) {
            if (!fillZeros || shape.raw() == null) {
                return null;
            }
            // A null element of a Go slice or map of values decodes as the zero value.
            Object zero = scalarZero(shape.raw());
            if (zero != null) {
                return zero;
            }
            if (shape.model()) {
                try {
                    Object fresh = shape.raw().getDeclaredConstructor().newInstance();
                    walk(fresh, true);
                    return fresh;
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException("model class without a no-arg constructor: " + shape.raw(), ex);
                }
            }
            return null;
        }
        return visit(e, shape, fillZeros);
    }

    /** A model field, with its Go zero value (null: none to fill) and declared shape. */
    private record Slot(Field field, Object zero, Shape shape) {
    }

    /**
     * A declared type reduced to what the walk asks of it: its raw class, whether it is a model
     * class, and the shape of its elements (the value type of a map, the element of a list).
     */
    private record Shape(Class<?> raw, boolean model, Shape elementShape) {
        static final Shape OBJECT = new Shape(Object.class, false, null);

        static Shape of(Type t) {
            Class<?> raw = t instanceof Class<?> c ? c : t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
            Shape element = null;
            if (t instanceof ParameterizedType p) {
                Type[] args = p.getActualTypeArguments();
                element = Shape.of(args[args.length - 1]);
            }
            return new Shape(raw, isModel(raw), element);
        }

        Shape element() {
            return elementShape == null ? OBJECT : elementShape;
        }
    }
}

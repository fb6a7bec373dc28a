package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks a model object graph by reflection over its {@link JsonProperty} fields. It fills what Go
 * would hold as zero values where Java holds null (a non-pointer {@code string} is {@code ""},
 * never nil), and it swaps collections for mutable copies so canonicalization can edit jobs built
 * with immutable lists.
 */
final class GoZeroValues {
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private GoZeroValues() {
    }

    /** The model fields of a class, in declaration order. */
    static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> out = new ArrayList<>();
            for (Field f : t.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
                        && f.isAnnotationPresent(JsonProperty.class)) {
                    out.add(f);
                }
            }
            return List.copyOf(out);
        });
    }

    static boolean isModel(Class<?> type) {
        return type.getPackage() == GoZeroValues.class.getPackage() && !type.isEnum() && !type.isInterface();
    }

    static boolean isApiOnly(Field f) {
        return f.getAnnotation(JsonProperty.class).access() == JsonProperty.Access.WRITE_ONLY;
    }

    /** Replaces Go-value nulls in {@code root} and everything it reaches with Go's zero values. */
    static void fill(Object root) {
        walk(root, true);
    }

    /** Replaces every list and map in {@code root}'s graph with a mutable copy. */
    static void makeMutable(Object root) {
        walk(root, false);
    }

    private static void walk(Object obj, boolean fillZeros) {
        for (Field f : fields(obj.getClass())) {
            try {
                Object value = f.get(obj);
                if (value == null) {
                    if (fillZeros && !isApiOnly(f) && !f.isAnnotationPresent(GoNullable.class)) {
                        Object zero = scalarZero(f.getType());
                        if (zero != null) {
                            f.set(obj, zero);
                        }
                    }
                    continue;
                }
                Object replaced = visit(value, f.getGenericType(), fillZeros);
                if (replaced != value) {
                    f.set(obj, replaced);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("model field not accessible: " + f, e);
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

    /** Visits one value of the given declared type; returns the value to store in its place. */
    private static Object visit(Object value, Type declared, boolean fillZeros) {
        Class<?> raw = rawClass(declared);
        if (value instanceof List<?> list) {
            Type elem = typeArgument(declared, 0);
            List<Object> copy = new ArrayList<>(list.size());
            for (Object e : list) {
                copy.add(visitElement(e, elem, fillZeros));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Type elem = typeArgument(declared, 1);
            if (rawClass(elem) == Object.class) {
                // Free-form values (driver config): Go keeps them as decoded.
                return new LinkedHashMap<>(map);
            }
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put(e.getKey(), visitElement(e.getValue(), elem, fillZeros));
            }
            return copy;
        }
        if (raw != null && isModel(raw)) {
            walk(value, fillZeros);
        }
        return value;
    }

    private static Object visitElement(Object e, Type elemType, boolean fillZeros) {
        Class<?> raw = rawClass(elemType);
        if (e == null) {
            if (!fillZeros || raw == null) {
                return null;
            }
            // A null element of a Go slice or map of values decodes as the zero value.
            Object zero = scalarZero(raw);
            if (zero != null) {
                return zero;
            }
            if (isModel(raw)) {
                try {
                    Object fresh = raw.getDeclaredConstructor().newInstance();
                    walk(fresh, true);
                    return fresh;
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException("model class without a no-arg constructor: " + raw, ex);
                }
            }
            return null;
        }
        return visit(e, elemType, fillZeros);
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return null;
    }

    private static Type typeArgument(Type t, int index) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}

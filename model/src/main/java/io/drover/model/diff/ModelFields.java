package io.drover.model.diff;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoNullable;
import io.drover.model.json.GoType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of the Go struct a model class stands for, as the diff sees them through
 * reflection: every public {@link JsonProperty} field except the API-only (write-only) ones, named
 * by its JSON name, which is the Go field name. Worked out once per class.
 */
final class ModelFields {
    /** How a field's value is treated by Go's flatten, equality and hashing. */
    enum Kind {
        STRING, BOOL, INT, FLOAT, STRING_MAP, LIST, MAP, BYTES, STRUCT
    }

    /**
     * One field. {@code pointer}: a Go pointer ({@link GoNullable}), so null is nil rather than the
     * zero value. {@code unsigned}: a Go {@code uint} type, written unsigned.
     */
    record Slot(String goName, Field field, Kind kind, boolean pointer, boolean unsigned) {
        Object get(Object owner) {
            try {
                return field.get(owner);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("model field not accessible: " + field, e);
            }
        }

        /** Go's zero value for a null scalar that is not a pointer; null otherwise. */
        Object zeroIfNull(Object value) {
            if (value != null || pointer) {
                return value;
            }
            return switch (kind) {
                case STRING -> "";
                case BOOL -> Boolean.FALSE;
                case INT -> 0L;
                case FLOAT -> 0.0d;
                default -> null;
            };
        }
    }

    private static final ClassValue<List<Slot>> SLOTS = new ClassValue<>() {
        @Override
        protected List<Slot> computeValue(Class<?> type) {
            List<Slot> out = new ArrayList<>();
            for (Field f : type.getDeclaredFields()) {
                JsonProperty json = f.getAnnotation(JsonProperty.class);
                if (json == null || Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())
                        || json.access() == JsonProperty.Access.WRITE_ONLY) {
                    continue;
                }
                GoType goType = f.getAnnotation(GoType.class);
                boolean unsigned = goType != null && goType.value().startsWith("uint");
                f.setAccessible(true); // skips Field.get's caller check (see ModelMerge)
                out.add(new Slot(json.value(), f, kindOf(f), f.isAnnotationPresent(GoNullable.class), unsigned));
            }
            return List.copyOf(out);
        }
    };

    private ModelFields() {
    }

    static List<Slot> of(Class<?> type) {
        return SLOTS.get(type);
    }

    private static Kind kindOf(Field f) {
        Class<?> t = f.getType();
        if (t == String.class) {
            return Kind.STRING;
        }
        if (t == Boolean.class || t == boolean.class) {
            return Kind.BOOL;
        }
        if (t == Double.class || t == Float.class || t == double.class || t == float.class) {
            return Kind.FLOAT;
        }
        if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != char.class)) {
            return Kind.INT;
        }
        if (t == byte[].class) {
            return Kind.BYTES;
        }
        if (List.class.isAssignableFrom(t)) {
            return Kind.LIST;
        }
        if (Map.class.isAssignableFrom(t)) {
            return valueType(f.getGenericType()) == String.class ? Kind.STRING_MAP : Kind.MAP;
        }
        return Kind.STRUCT;
    }

    private static Type valueType(Type mapType) {
        if (mapType instanceof ParameterizedType p && p.getActualTypeArguments().length == 2) {
            return p.getActualTypeArguments()[1];
        }
        return Object.class;
    }
}

package io.drover.model.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Go type Nomad decodes a part of a request body into, derived from the Java class that
 * stands for it and its {@link GoStruct} / {@link GoType} annotations. {@link #display} is Go's
 * {@code reflect.Type.String()} of the type after pointers are followed, which is what Go's JSON
 * errors print ({@code int}, {@code []string}, {@code api.Job}, {@code map[string]interface {}}).
 */
final class GoTypeInfo {
    enum Kind { STRUCT, SLICE, MAP, STRING, BOOL, INT, BYTES, ANY }

    private static final Map<Class<?>, GoTypeInfo> STRUCTS = new ConcurrentHashMap<>();

    final Kind kind;
    final String display;
    /** For INT: the range a value must fit. Java's int is narrower than Go's 64-bit int. */
    final long min;
    final long max;
    /** For SLICE and MAP: the element type. */
    private final Type elementType;
    private GoTypeInfo element;
    /** For STRUCT: the class, the Go struct name, and its fields in declaration order. */
    final Class<?> structClass;
    final String structName;
    private List<FieldInfo> fields;

    /** One decodable field of a struct: Go's JSON name for it and its type. */
    record FieldInfo(String name, Field field) {
        GoTypeInfo type() {
            return GoTypeInfo.ofField(field);
        }
    }

    private GoTypeInfo(Kind kind, String display, long min, long max, Type elementType, Class<?> structClass,
            String structName) {
        this.kind = kind;
        this.display = display;
        this.min = min;
        this.max = max;
        this.elementType = elementType;
        this.structClass = structClass;
        this.structName = structName;
    }

    /** The Go struct a model class stands for. */
    static GoTypeInfo ofStruct(Class<?> type) {
        return STRUCTS.computeIfAbsent(type, t -> {
            GoStruct s = t.getAnnotation(GoStruct.class);
            String name = s != null ? s.value() : t.getSimpleName();
            String pkg = s != null ? s.pkg() : "api";
            return new GoTypeInfo(Kind.STRUCT, pkg + "." + name, 0, 0, null, t, name);
        });
    }

    static GoTypeInfo ofField(Field f) {
        GoType annotated = f.getAnnotation(GoType.class);
        return of(f.getGenericType(), annotated == null ? null : annotated.value());
    }

    /** The Go type of a Java type; {@code display} overrides the derived spelling when not null. */
    static GoTypeInfo of(Type type, String display) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return scalar(Kind.STRING, display != null ? display : "string", 0, 0);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return scalar(Kind.BOOL, "bool", 0, 0);
        }
        if (raw == Integer.class || raw == int.class) {
            String d = display != null ? display : "int";
            return switch (d) {
                case "int8" -> scalar(Kind.INT, d, Byte.MIN_VALUE, Byte.MAX_VALUE);
                case "uint8" -> scalar(Kind.INT, d, 0, 255);
                default -> scalar(Kind.INT, d, Integer.MIN_VALUE, Integer.MAX_VALUE);
            };
        }
        if (raw == Long.class || raw == long.class) {
            String d = display != null ? display : "int64";
            return scalar(Kind.INT, d, d.startsWith("uint") ? 0 : Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (raw == byte[].class) {
            return scalar(Kind.BYTES, "[]uint8", 0, 0);
        }
        if (raw != null && List.class.isAssignableFrom(raw)) {
            Type elem = argument(type, 0);
            return new GoTypeInfo(Kind.SLICE, display != null ? display : "[]" + elementSpelling(elem),
                    0, 0, elem, null, null);
        }
        if (raw != null && Map.class.isAssignableFrom(raw)) {
            Type value = argument(type, 1);
            return new GoTypeInfo(Kind.MAP, display != null ? display : "map[string]" + elementSpelling(value),
                    0, 0, value, null, null);
        }
        if (raw != null && isStruct(raw)) {
            return ofStruct(raw);
        }
        return scalar(Kind.ANY, "interface {}", 0, 0);
    }

    /** A class of our own with fields (the model, or a body class elsewhere) stands for a Go struct. */
    private static boolean isStruct(Class<?> c) {
        return !c.isPrimitive() && !c.isArray() && !c.isEnum() && !c.isInterface()
                && !c.getName().startsWith("java.") && !JsonNode.class.isAssignableFrom(c);
    }

    /** How Go spells an element type inside a slice or map type: structs are held by pointer. */
    private static String elementSpelling(Type t) {
        GoTypeInfo info = of(t, null);
        return info.kind == Kind.STRUCT ? "*" + info.display : info.display;
    }

    private static GoTypeInfo scalar(Kind kind, String display, long min, long max) {
        return new GoTypeInfo(kind, display, min, max, null, null, null);
    }

    GoTypeInfo element() {
        if (element == null) {
            element = of(elementType, null);
        }
        return element;
    }

    /** The struct's fields in Go's order; the API-only ones included, as Go decodes them too. */
    List<FieldInfo> fields() {
        if (fields == null) {
            List<FieldInfo> out = new ArrayList<>();
            // The fields Jackson binds under NomadJson's rules: public ones, named by @JsonProperty if present.
            for (Field f : structClass.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isPublic(mod) || Modifier.isStatic(mod) || f.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                JsonProperty p = f.getAnnotation(JsonProperty.class);
                f.setAccessible(true); // skips Field.get's caller check (see ModelMerge)
                out.add(new FieldInfo(p != null && !p.value().isEmpty() ? p.value() : f.getName(), f));
            }
            fields = List.copyOf(out);
        }
        return fields;
    }

    /** Go's field lookup: an exact name first, then the first field whose name folds to the key. */
    FieldInfo field(String key) {
        for (FieldInfo f : fields()) {
            if (f.name().equals(key)) {
                return f;
            }
        }
        for (FieldInfo f : fields()) {
            if (foldEquals(f.name(), key)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Go's case folding of JSON keys: ASCII letters match either case, and the Kelvin sign and
     * long s fold to k and s as Unicode simple folding has it.
     */
    static boolean foldEquals(String name, String key) {
        if (name.length() != key.codePointCount(0, key.length())) {
            return false;
        }
        int i = 0;
        for (int off = 0; off < key.length(); ) {
            int k = key.codePointAt(off);
            off += Character.charCount(k);
            char n = Character.toLowerCase(name.charAt(i++));
            int folded = k == 0x212A ? 'k' : k == 0x17F ? 's' : k < 0x80 ? Character.toLowerCase(k) : k;
            if (folded != n) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return null;
    }

    private static Type argument(Type t, int index) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return JsonNode.class;
    }
}

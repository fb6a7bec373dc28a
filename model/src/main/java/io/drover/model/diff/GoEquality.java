package io.drover.model.diff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two notions of sameness Nomad's diff uses on model values.
 *
 * <ul>
 * <li>{@link #deepEqual}: {@code reflect.DeepEqual}, which decides whether a group, task, service
 *     or driver config changed at all. A nil slice or map differs from an empty one, a nil
 *     pointer from a pointer to a zero value; a null Go value is its zero value.</li>
 * <li>{@link #setKey}: {@code hashstructure.Hash}, which identifies the members of an unordered
 *     set of objects (constraints, artifacts, networks...). There a nil slice or map is the same
 *     as an empty one and map order does not count; two values have the same key exactly when
 *     Nomad hashes them alike (hash collisions aside).</li>
 * </ul>
 *
 * Numbers compare by value, whatever Java type holds them, as the float64s of a Go config do.
 */
final class GoEquality {
    private GoEquality() {
    }

    static boolean deepEqual(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return sameNumber(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEqual(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (isScalar(a) || isScalar(b)) {
            return a.equals(b);
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        for (ModelFields.Slot slot : ModelFields.of(a.getClass())) {
            if (!deepEqual(slot.zeroIfNull(slot.get(a)), slot.zeroIfNull(slot.get(b)))) {
                return false;
            }
        }
        return true;
    }

    /** A string that two values share exactly when Nomad's hashstructure hashes them alike. */
    static String setKey(Object value) {
        StringBuilder out = new StringBuilder();
        appendKey(value, out);
        return out.toString();
    }

    private static void appendKey(Object v, StringBuilder out) {
        if (v == null) {
            out.append("nil");
        } else if (v instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (v instanceof Boolean || v instanceof Character) {
            out.append(v);
        } else if (v instanceof Number n) {
            out.append('#').append(canonicalNumber(n));
        } else if (v instanceof byte[] bytes) {
            out.append("bytes").append(Arrays.toString(bytes));
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (Object e : list) {
                appendKey(e, out);
                out.append(',');
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, e) -> sorted.put(String.valueOf(k), e));
            out.append('{');
            sorted.forEach((k, e) -> {
                appendKey(k, out);
                out.append('=');
                appendKey(e, out);
                out.append(';');
            });
            out.append('}');
        } else {
            out.append(v.getClass().getSimpleName()).append('{');
            for (ModelFields.Slot slot : ModelFields.of(v.getClass())) {
                Object fv = slot.zeroIfNull(slot.get(v));
                if (fv == null && (slot.kind() == ModelFields.Kind.LIST || slot.kind() == ModelFields.Kind.BYTES)) {
                    fv = List.of();
                } else if (fv == null && (slot.kind() == ModelFields.Kind.MAP
                        || slot.kind() == ModelFields.Kind.STRING_MAP)) {
                    fv = Map.of();
                }
                out.append(slot.goName()).append('=');
                appendKey(fv, out);
                out.append(';');
            }
            out.append('}');
        }
    }

    private static boolean isScalar(Object v) {
        return v instanceof String || v instanceof Boolean || v instanceof Character || v instanceof Number;
    }

    private static boolean sameNumber(Number x, Number y) {
        if (isIntegral(x) && isIntegral(y)) {
            return toBigInteger(x).equals(toBigInteger(y));
        }
        return x.doubleValue() == y.doubleValue();
    }

    private static String canonicalNumber(Number n) {
        if (isIntegral(n)) {
            return toBigInteger(n).toString();
        }
        double d = n.doubleValue();
        if (!Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d)) {
            return new BigDecimal(d).toBigIntegerExact().toString();
        }
        return Double.toString(d);
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger;
    }

    private static BigInteger toBigInteger(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }
}

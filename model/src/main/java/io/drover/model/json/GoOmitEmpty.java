package io.drover.model.json;

import java.util.Collection;
import java.util.Map;

/**
 * A Jackson value filter with Go's {@code omitempty} rule: null, "", 0, false and empty
 * collections are left out. Jackson calls {@link #equals(Object)} with each value; {@code true}
 * means "exclude".
 */
public final class GoOmitEmpty {
    @Override
    public boolean equals(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isEmpty();
        }
        if (value instanceof Number n) {
            return n.doubleValue() == 0;
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        return false;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}

package io.drover.client.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The values a template computes with (strings, booleans, integers, lists of strings, and nil)
 * and Go's rules for them: which are true in {@code if}, how {@code {{ }}} prints them.
 */
final class TemplateValues {
    private TemplateValues() {
    }

    /** Go's truth: false, 0, nil and empty strings or lists are false. */
    static boolean truth(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Long n) {
            return n != 0;
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    /** As Go's fmt prints it: lists as {@code [a b]}, nil as {@code <no value>}. */
    static String print(Object v) {
        if (v == null) {
            return "<no value>";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(TemplateValues::print).collect(Collectors.joining(" ", "[", "]"));
        }
        return v.toString();
    }

    /** The Go type named in errors. */
    static String goType(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof List) {
            return "[]string";
        }
        return v.getClass().getSimpleName();
    }
}

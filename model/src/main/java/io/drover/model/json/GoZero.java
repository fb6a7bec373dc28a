package io.drover.model.json;

import java.util.List;

/** Go's zero values for the boxed fields of the model: what Nomad sees where Java has null. */
public final class GoZero {
    private GoZero() {
    }

    public static String str(String s) {
        return s == null ? "" : s;
    }

    public static int num(Integer i) {
        return i == null ? 0 : i;
    }

    public static long lng(Long l) {
        return l == null ? 0L : l;
    }

    public static boolean bool(Boolean b) {
        return b != null && b;
    }

    /** A nil slice ranges over nothing in Go. */
    public static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}

package io.drover.model;

import java.util.List;

/** Go's zero values for the boxed fields of the model: what Nomad sees where Java has null. */
final class GoZero {
    private GoZero() {
    }

    static String str(String s) {
        return s == null ? "" : s;
    }

    static int num(Integer i) {
        return i == null ? 0 : i;
    }

    static long lng(Long l) {
        return l == null ? 0L : l;
    }

    static boolean bool(Boolean b) {
        return b != null && b;
    }

    /** A nil slice ranges over nothing in Go. */
    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}

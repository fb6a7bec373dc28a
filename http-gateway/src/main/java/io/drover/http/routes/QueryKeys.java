package io.drover.http.routes;

/** Builds cache keys for state queries: the parts joined by a character no ID or prefix holds. */
final class QueryKeys {
    private QueryKeys() {
    }

    static String of(String... parts) {
        return String.join("\u0000", parts);
    }
}

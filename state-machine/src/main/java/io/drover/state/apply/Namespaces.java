package io.drover.state.apply;

/** The namespaces that exist. Drover has only Nomad's built-in one until namespaces can be created. */
public final class Namespaces {
    public static final String DEFAULT = "default";

    private Namespaces() {
    }

    public static boolean exists(String namespace) {
        return DEFAULT.equals(namespace);
    }
}

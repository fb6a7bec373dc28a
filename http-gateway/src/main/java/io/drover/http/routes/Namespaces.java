package io.drover.http.routes;

import io.drover.http.core.GatewayRequest;

/** The namespaces that exist. Only Nomad's "default" until namespaces are replicated state. */
final class Namespaces {
    static final String DEFAULT = "default";

    private Namespaces() {
    }

    static boolean exists(String namespace) {
        return DEFAULT.equals(namespace);
    }

    /** The namespace a request names with {@code ?namespace=}, "default" if none. */
    static String of(GatewayRequest request) {
        String namespace = request.query("namespace");
        return namespace.isEmpty() ? DEFAULT : namespace;
    }
}

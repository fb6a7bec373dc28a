package io.drover.http.routes;

import io.drover.http.core.GatewayRequest;
import io.drover.model.Job;

/** The namespace a write names with {@code ?namespace=}. */
final class RequestNamespace {
    private RequestNamespace() {
    }

    /** The namespace the request names, "default" if none. */
    static String of(GatewayRequest request) {
        String namespace = request.query("namespace");
        return namespace.isEmpty() ? Job.DEFAULT_NAMESPACE : namespace;
    }
}

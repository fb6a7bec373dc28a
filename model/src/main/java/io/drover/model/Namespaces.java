package io.drover.model;

/**
 * The namespaces that exist: only Nomad's built-in {@value Job#DEFAULT_NAMESPACE} until
 * namespaces can be created. The gateway refuses a job in any other before it is forwarded, and
 * the register's apply refuses it again.
 */
public final class Namespaces {
    private Namespaces() {
    }

    public static boolean exists(String namespace) {
        return Job.DEFAULT_NAMESPACE.equals(namespace);
    }
}

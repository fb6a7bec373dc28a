package io.drover.cluster.fault;

import java.net.Socket;
import java.util.Map;

/**
 * Says which server opened a connection a proxy accepted, so that the proxy can cut it with that
 * server's links.
 */
@FunctionalInterface
interface ConnectionAttributor {
    /**
     * The name of the server in {@code processes} (server name to its current PID) whose process
     * opened {@code accepted}, or {@link ProxyNetwork#EXTERNAL} if none did.
     */
    String sourceOf(Socket accepted, Map<String, Long> processes);
}

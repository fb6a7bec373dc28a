package io.drover.server.config;

import io.drover.http.HttpGatewayConfig;

/** The HTTP gateway's settings from the agent's: where it listens, what requests and clients may hold. */
public final class GatewaySettings {
    private GatewaySettings() {
    }

    public static HttpGatewayConfig of(AgentConfig c) {
        return new HttpGatewayConfig(c.bindAddr(), c.httpPort(), c.maxRequestBodyBytes(), 0,
                Math.max(2, Runtime.getRuntime().availableProcessors()), c.limits().http(), c.jobMaxCount());
    }
}

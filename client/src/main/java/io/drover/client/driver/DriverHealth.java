package io.drover.client.driver;

import java.util.Objects;

/**
 * What a driver's fingerprint says of it on this host (Nomad's {@code drivers.Fingerprint}
 * health): a driver the agent runs is always detected, but only a healthy one may be given tasks.
 *
 * @param healthy whether the driver can start tasks here
 * @param description why not, or {@code Healthy}, shown in the node's {@code Drivers}
 */
public record DriverHealth(boolean healthy, String description) {
    public static final DriverHealth HEALTHY = new DriverHealth(true, "Healthy");

    public DriverHealth {
        Objects.requireNonNull(description, "description");
    }

    public static DriverHealth unhealthy(String why) {
        return new DriverHealth(false, why);
    }
}

package io.drover.scheduler.select;

import io.drover.model.node.DriverInfo;
import io.drover.model.node.Node;
import java.util.Set;

/**
 * Checks that a node has every driver a group's tasks use (Nomad's {@code DriverChecker}). A
 * node that reports driver info must have the driver detected and healthy; an older node is
 * read from its {@code driver.<name>} attribute, which must parse as a true Go bool. A failure
 * is recorded as {@value #FILTER_DRIVERS}.
 */
final class DriverChecker implements FeasibilityChecker {
    static final String FILTER_DRIVERS = "missing drivers";

    private final EvalContext ctx;
    private Set<String> drivers;

    DriverChecker(EvalContext ctx, Set<String> drivers) {
        this.ctx = ctx;
        this.drivers = drivers == null ? Set.of() : drivers;
    }

    void setDrivers(Set<String> drivers) {
        this.drivers = drivers == null ? Set.of() : drivers;
    }

    @Override
    public boolean feasible(Node node) {
        if (hasDrivers(node)) {
            return true;
        }
        ctx.metrics().filterNode(node, FILTER_DRIVERS);
        return false;
    }

    private boolean hasDrivers(Node node) {
        for (String driver : drivers) {
            if (node.drivers != null && node.drivers.containsKey(driver)) {
                DriverInfo info = node.drivers.get(driver);
                if (info == null || !Boolean.TRUE.equals(info.detected) || !Boolean.TRUE.equals(info.healthy)) {
                    return false;
                }
                continue;
            }
            String value = node.attributes == null ? null : node.attributes.get("driver." + driver);
            if (value == null || !goParseBool(value)) {
                return false;
            }
        }
        return true;
    }

    /** Go's strconv.ParseBool, with anything it rejects read as false. */
    static boolean goParseBool(String v) {
        return switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            default -> false;
        };
    }
}

package io.drover.model.validate;

import static io.drover.model.json.GoZero.bool;
import static io.drover.model.json.GoZero.str;

import io.drover.model.Job;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoZero;

/**
 * The register RPC's validators besides {@code Job.Validate}: Nomad's {@code jobConnectHook} and
 * {@code jobExposeCheckHook}. Each stops at the first group it finds at fault and returns one
 * message, or null.
 */
final class RegisterChecks {
    private RegisterChecks() {
    }

    /** Connect sidecars need exactly one network, in bridge mode. */
    static String connect(Job job) {
        for (TaskGroup g : GoZero.list(job.taskGroups)) {
            for (Service s : GoZero.list(g.services)) {
                if (s.connect != null && s.connect.hasSidecar()) {
                    int n = g.networks == null ? 0 : g.networks.size();
                    if (n != 1) {
                        return "Consul Connect sidecars require exactly 1 network, found " + n + " in group "
                                + GoFmt.quote(str(g.name));
                    }
                    if (!"bridge".equals(g.networks.get(0).mode)) {
                        return "Consul Connect sidecar requires bridge network, found "
                                + GoFmt.quote(str(g.networks.get(0).mode)) + " in group " + GoFmt.quote(str(g.name));
                    }
                    break;
                }
            }
        }
        return null;
    }

    /** Exposed checks need one bridge network, a Connect service with Nomad's own proxy, and a group service. */
    static String exposedChecks(Job job) {
        for (TaskGroup tg : GoZero.list(job.taskGroups)) {
            String name = str(tg.name);
            if (usesExposedCheck(tg)) {
                if (tg.networks == null || tg.networks.size() != 1) {
                    return "group " + GoFmt.quote(name) + " must specify one bridge network for exposing service check(s)";
                }
                if (!"bridge".equals(tg.networks.get(0).mode)) {
                    return "group " + GoFmt.quote(name) + " must use bridge network for exposing service check(s)";
                }
            }
            for (Service s : GoZero.list(tg.services)) {
                for (ServiceCheck c : GoZero.list(s.checks)) {
                    boolean builtinProxy = s.connect != null && s.connect.sidecarTask == null;
                    if (bool(c.expose) && !builtinProxy) {
                        return "exposed service check " + name + "->" + str(s.name) + "->" + str(c.name)
                                + " requires use of Nomad's builtin Connect proxy";
                    }
                }
            }
            for (Task t : GoZero.list(tg.tasks)) {
                for (Service s : GoZero.list(t.services)) {
                    for (ServiceCheck c : GoZero.list(s.checks)) {
                        if (bool(c.expose)) {
                            return "exposed service check " + name + "[" + str(t.name) + "]->" + str(s.name) + "->"
                                    + str(c.name) + " is not a task-group service";
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean usesExposedCheck(TaskGroup tg) {
        for (Service s : GoZero.list(tg.services)) {
            for (ServiceCheck c : GoZero.list(s.checks)) {
                if (bool(c.expose)) {
                    return true;
                }
            }
        }
        return false;
    }
}

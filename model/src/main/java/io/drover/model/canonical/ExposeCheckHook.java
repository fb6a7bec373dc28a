package io.drover.model.canonical;

import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.TaskGroup;
import io.drover.model.connect.ConsulExposeConfig;
import io.drover.model.connect.ConsulExposePath;
import io.drover.model.connect.ConsulProxy;
import io.drover.model.connect.ConsulSidecarService;
import io.drover.model.json.GoStrconv;
import io.drover.model.json.GoZero;
import io.drover.model.json.GoZeroValues;
import io.drover.model.validate.InvalidJobException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Nomad's {@code jobExposeCheckHook} register mutator: an HTTP or gRPC check with
 * {@code Expose} on a Connect group service gets a path exposed through the Envoy proxy, and a
 * dynamic port when it names none. Nomad dereferences the network and Connect blocks without
 * checking them here; Drover skips such checks instead and leaves them to validation, which
 * rejects them ({@link RegisterChecks}).
 */
final class ExposeCheckHook {
    private ExposeCheckHook() {
    }

    /** Adds the exposed paths; throws with Nomad's message when a check's service port cannot be found. */
    static void apply(Job job) {
        if (job.taskGroups == null) {
            return;
        }
        for (TaskGroup tg : job.taskGroups) {
            if (tg.services == null) {
                continue;
            }
            for (Service s : tg.services) {
                if (s.checks == null) {
                    continue;
                }
                for (ServiceCheck c : s.checks) {
                    if (!GoZero.bool(c.expose) || !exposable(c) || !canExpose(tg, s)) {
                        continue;
                    }
                    ConsulExposePath path = exposePath(tg, s, c);
                    ConsulExposeConfig config = exposeConfig(s);
                    List<ConsulExposePath> paths = config.paths == null ? new ArrayList<>() : config.paths;
                    if (paths.stream().noneMatch(path::sameAs)) {
                        paths.add(path);
                    }
                    config.paths = paths;
                }
            }
        }
    }

    private static boolean exposable(ServiceCheck c) {
        String type = GoZero.str(c.type).toLowerCase(Locale.ROOT);
        return (type.equals("grpc") || type.equals("http")) && GoZero.str(c.path).startsWith("/");
    }

    private static boolean canExpose(TaskGroup tg, Service s) {
        return tg.networks != null && !tg.networks.isEmpty() && s.connect != null && s.connect.sidecarService != null;
    }

    private static ConsulExposeConfig exposeConfig(Service s) {
        ConsulSidecarService sidecar = s.connect.sidecarService;
        if (sidecar.proxy == null) {
            sidecar.proxy = new ConsulProxy();
            GoZeroValues.fill(sidecar.proxy);
        }
        if (sidecar.proxy.expose == null) {
            sidecar.proxy.expose = new ConsulExposeConfig();
        }
        return sidecar.proxy.expose;
    }

    private static ConsulExposePath exposePath(TaskGroup tg, Service s, ServiceCheck c) {
        if (GoZero.str(c.portLabel).isEmpty()) {
            String label = "svc_" + s.name + "_ck_" + UUID.randomUUID().toString().substring(0, 6);
            NetworkResource net = tg.networks.get(0);
            List<Port> dynamic = net.dynamicPorts == null ? new ArrayList<>() : net.dynamicPorts;
            dynamic.add(new Port(label, 0, -1));
            net.dynamicPorts = dynamic;
            c.portLabel = label;
        }
        int port = portOf(tg.networks, GoZero.str(s.portLabel));
        if (port <= 0) {
            Long numeric = GoStrconv.atoi(GoZero.str(s.portLabel));
            port = numeric == null ? 0 : numeric.intValue();
            if (port <= 0) {
                throw new InvalidJobException("error in job mutator expose-check: "
                        + "unable to determine local service port for service check "
                        + tg.name + "->" + s.name + "->" + c.name);
            }
        }
        ConsulExposePath p = new ConsulExposePath();
        p.path = c.path;
        p.protocol = GoZero.str(c.protocol);
        p.localPathPort = port;
        p.listenerPort = c.portLabel;
        return p;
    }

    /** Nomad's Networks.Port: the value of the first port with this label. */
    private static int portOf(List<NetworkResource> networks, String label) {
        for (NetworkResource n : networks) {
            for (Port p : GoZero.list(n.reservedPorts)) {
                if (label.equals(p.label)) {
                    return GoZero.num(p.value);
                }
            }
            for (Port p : GoZero.list(n.dynamicPorts)) {
                if (label.equals(p.label)) {
                    return GoZero.num(p.value);
                }
            }
        }
        return 0;
    }
}

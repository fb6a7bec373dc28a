package io.drover.model.validate;

import static io.drover.model.json.GoFmt.SECOND;
import static io.drover.model.json.GoFmt.duration;
import static io.drover.model.json.GoZero.bool;
import static io.drover.model.json.GoZero.lng;
import static io.drover.model.json.GoZero.num;
import static io.drover.model.json.GoZero.str;

import io.drover.model.CheckRestart;
import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.Service;
import io.drover.model.ServiceCheck;
import io.drover.model.Task;
import io.drover.model.canonical.StructCanonicalizer;
import io.drover.model.connect.ConsulConnect;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoStrconv;
import io.drover.model.json.GoUrl;
import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Nomad's validation of Consul services: {@code Service.Validate}, {@code ServiceCheck.validate},
 * {@code CheckRestart.Validate}, {@code ConsulConnect.Validate}, and the task-level
 * {@code validateServices} that checks names, checks and port labels against the task's networks.
 */
final class ServiceRules {
    private static final Pattern RFC1123 = Pattern.compile("^(?i:[a-z0-9]|[a-z0-9][a-z0-9\\-]{0,61}[a-z0-9])$");
    private static final long MIN_CHECK_INTERVAL = SECOND;
    private static final long MIN_CHECK_TIMEOUT = SECOND;

    private ServiceRules() {
    }

    static List<String> service(Service s) {
        Errs errs = new Errs();
        String name = str(s.name);
        if (!RFC1123.matcher(StructCanonicalizer.replaceEnvWithPlaceholder(name, "ENV-VAR")).matches()) {
            errs.add("Service name must be valid per RFC 1123 and can contain only alphanumeric characters or dashes: "
                    + GoFmt.quote(name));
        }
        String mode = str(s.addressMode);
        if (!mode.isEmpty() && !mode.equals(Service.ADDRESS_MODE_AUTO) && !mode.equals(Service.ADDRESS_MODE_HOST)
                && !mode.equals(Service.ADDRESS_MODE_DRIVER)) {
            errs.add("Service address_mode must be \"auto\", \"host\", or \"driver\"; not " + GoFmt.quote(mode));
        }
        for (ServiceCheck c : GoZero.list(s.checks)) {
            if (str(s.portLabel).isEmpty() && str(c.portLabel).isEmpty() && c.requiresPort()) {
                errs.add("Check " + str(c.name) + " invalid: check requires a port but neither check nor service "
                        + GoFmt.quoteAscii(name) + " have a port");
                continue;
            }
            if (ServiceCheck.TYPE_TCP.equals(c.type) && s.connect != null && s.connect.sidecarService != null) {
                errs.add("Check " + str(c.name) + " invalid: tcp checks are not valid for Connect enabled services");
                continue;
            }
            Object err = check(c);
            if (err instanceof String single) {
                errs.add("Check " + str(c.name) + " invalid: " + single);
            } else if (err instanceof List<?> multi) {
                errs.add("Check " + str(c.name) + " invalid: " + MultiError.format(strings(multi)));
            }
        }
        if (s.connect != null) {
            String err = connect(s.connect);
            if (err != null) {
                errs.add(err);
            }
        }
        return errs.list();
    }

    /** Nomad's ServiceCheck.validate: null, a single error text, or the entries of CheckRestart's multierror. */
    private static Object check(ServiceCheck c) {
        String type = str(c.type).toLowerCase(Locale.ROOT);
        switch (type) {
            case ServiceCheck.TYPE_GRPC, ServiceCheck.TYPE_TCP -> {
            }
            case ServiceCheck.TYPE_HTTP -> {
                String path = str(c.path);
                if (path.isEmpty()) {
                    return "http type must have a valid http path";
                }
                GoUrl.Parsed url = GoUrl.parse(path);
                if (!url.valid()) {
                    return "http type must have a valid http path";
                }
                if (url.absolute()) {
                    return "http type must have a relative http path";
                }
            }
            case ServiceCheck.TYPE_SCRIPT -> {
                if (str(c.command).isEmpty()) {
                    return "script type must have a valid script path";
                }
            }
            default -> {
                return "invalid type (" + GoFmt.quoteAscii(str(c.type)) + "), must be one of \"http\", \"tcp\", or \"script\" type";
            }
        }
        long interval = lng(c.interval);
        if (interval == 0) {
            return "missing required value interval. Interval cannot be less than " + duration(MIN_CHECK_INTERVAL);
        } else if (interval < MIN_CHECK_INTERVAL) {
            return "interval (" + duration(interval) + ") cannot be lower than " + duration(MIN_CHECK_INTERVAL);
        }
        long timeout = lng(c.timeout);
        if (timeout == 0) {
            return "missing required value timeout. Timeout cannot be less than " + duration(MIN_CHECK_INTERVAL);
        } else if (timeout < MIN_CHECK_TIMEOUT) {
            return "timeout (" + duration(timeout) + ") is lower than required minimum timeout " + duration(MIN_CHECK_INTERVAL);
        }
        switch (str(c.initialStatus)) {
            case "", "passing", "warning", "critical" -> {
            }
            default -> {
                return "invalid initial check state (" + str(c.initialStatus)
                        + "), must be one of \"passing\", \"warning\", \"critical\" or empty";
            }
        }
        switch (str(c.addressMode)) {
            case "", Service.ADDRESS_MODE_HOST, Service.ADDRESS_MODE_DRIVER -> {
            }
            case Service.ADDRESS_MODE_AUTO -> {
                return "invalid address_mode \"auto\" - auto only valid for services";
            }
            default -> {
                return "invalid address_mode " + GoFmt.quote(str(c.addressMode));
            }
        }
        if (bool(c.expose) && !type.equals(ServiceCheck.TYPE_GRPC) && !type.equals(ServiceCheck.TYPE_HTTP)) {
            return "expose may only be set on HTTP or gRPC checks";
        }
        List<String> restart = c.checkRestart == null ? List.of() : checkRestart(c.checkRestart);
        return restart.isEmpty() ? null : restart;
    }

    static List<String> checkRestart(CheckRestart c) {
        Errs errs = new Errs();
        if (num(c.limit) < 0) {
            errs.add("limit must be greater than or equal to 0 but found " + num(c.limit));
        }
        if (lng(c.grace) < 0) {
            // Nomad formats the grace period with %d: nanoseconds.
            errs.add("grace period must be greater than or equal to 0 but found " + lng(c.grace));
        }
        return errs.list();
    }

    /** Nomad's ConsulConnect.Validate: a single error or null. */
    static String connect(ConsulConnect c) {
        boolean nativeConnect = bool(c.nativeConnect);
        if (nativeConnect && c.sidecarService != null) {
            return "Consul Connect must be native or use a sidecar service; not both";
        }
        if (!nativeConnect && c.sidecarService == null) {
            return "Consul Connect must be native or use a sidecar service";
        }
        return null;
    }

    /** Nomad's validateServices(task): services, their checks and the port labels they use. */
    static List<String> taskServices(Task t) {
        Errs errs = new Errs();
        // Port label -> names of the services that use it; sorted, as Nomad sorts for its messages.
        Map<String, Set<String>> servicePorts = new TreeMap<>();
        Set<String> known = new HashSet<>();
        List<Service> services = GoZero.list(t.services);
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            String name = str(service.name);
            String portLabel = str(service.portLabel);
            errs.wrap("service[" + i + "] " + GoFmt.quoteAscii(name) + " validation failed: ", service(service));
            if (!known.add(name + portLabel)) {
                errs.add("service " + GoFmt.quote(name) + " is duplicate");
            }
            if (!portLabel.isEmpty()) {
                if (Service.ADDRESS_MODE_DRIVER.equals(service.addressMode)) {
                    // A numeric port needs no label when the driver's address is used.
                    if (GoStrconv.atoi(portLabel) == null) {
                        servicePorts.computeIfAbsent(portLabel, k -> new TreeSet<>()).add(name);
                    }
                } else {
                    servicePorts.computeIfAbsent(portLabel, k -> new TreeSet<>()).add(name);
                }
            }
            Set<String> knownChecks = new HashSet<>();
            for (ServiceCheck check : GoZero.list(service.checks)) {
                String checkName = str(check.name);
                if (!knownChecks.add(checkName)) {
                    errs.add("check " + GoFmt.quote(checkName) + " is duplicate");
                }
                if (!check.requiresPort()) {
                    continue;
                }
                String effective = str(check.portLabel).isEmpty() ? portLabel : str(check.portLabel);
                if (effective.isEmpty()) {
                    errs.add("check " + GoFmt.quote(checkName) + " is missing a port");
                    continue;
                }
                Long number = GoStrconv.atoi(effective);
                if (Service.ADDRESS_MODE_DRIVER.equals(check.addressMode) && number != null) {
                    if (number <= 0) {
                        errs.add("check " + GoFmt.quote(checkName) + " has invalid numeric port " + number);
                    }
                    continue;
                }
                if (number != null) {
                    errs.add("check " + GoFmt.quote(checkName) + " cannot use a numeric port " + number
                            + " without setting address_mode=\"driver\"");
                    continue;
                }
                servicePorts.computeIfAbsent(effective, k -> new TreeSet<>()).add(name);
            }
        }
        Set<String> labels = new HashSet<>();
        if (t.resources != null) {
            for (NetworkResource n : GoZero.list(t.resources.networks)) {
                for (Port p : GoZero.list(n.reservedPorts)) {
                    labels.add(str(p.label));
                }
                for (Port p : GoZero.list(n.dynamicPorts)) {
                    labels.add(str(p.label));
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : servicePorts.entrySet()) {
            if (!labels.contains(e.getKey())) {
                errs.add("port label " + GoFmt.quote(e.getKey()) + " referenced by services "
                        + String.join(", ", e.getValue()) + " does not exist");
            }
        }
        return errs.list();
    }

    private static List<String> strings(List<?> list) {
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add((String) o);
        }
        return out;
    }
}

package io.drover.model.validate;

import static io.drover.model.json.GoZero.bool;
import static io.drover.model.json.GoZero.str;

import io.drover.model.ParameterizedJobConfig;
import io.drover.model.PeriodicConfig;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoZero;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Nomad's validation of how a job launches children: {@code PeriodicConfig.Validate} (cron spec,
 * time zone) and {@code ParameterizedJobConfig.Validate} (payload rule, meta keys).
 */
final class LaunchRules {
    private LaunchRules() {
    }

    static List<String> periodic(PeriodicConfig p) {
        if (!bool(p.enabled)) {
            return List.of();
        }
        Errs errs = new Errs();
        String spec = str(p.spec);
        if (spec.isEmpty()) {
            errs.add("Must specify a spec");
        }
        String tz = str(p.timeZone);
        if (!tz.isEmpty()) {
            String err = timeZoneError(tz);
            if (err != null) {
                errs.add("Invalid time zone " + GoFmt.quote(tz) + ": " + err);
            }
        }
        switch (str(p.specType)) {
            case PeriodicConfig.SPEC_CRON -> {
                String err = CronSyntax.check(spec);
                if (err != null) {
                    errs.add("Invalid cron spec " + GoFmt.quote(spec) + ": " + err);
                }
            }
            case PeriodicConfig.SPEC_TEST -> {
            }
            default -> errs.add("Unknown periodic specification type " + GoFmt.quote(str(p.specType)));
        }
        return errs.list();
    }

    /** Go's time.LoadLocation error for a zone name, or null if the IANA database knows it. */
    static String timeZoneError(String name) {
        if (name.isEmpty() || name.equals("UTC") || name.equals("Local")) {
            return null;
        }
        if (name.contains("..") || name.startsWith("/") || name.startsWith("\\")) {
            return "time: invalid location name";
        }
        return ZoneId.getAvailableZoneIds().contains(name) ? null : "unknown time zone " + name;
    }

    static List<String> parameterized(ParameterizedJobConfig d) {
        Errs errs = new Errs();
        String payload = str(d.payload);
        if (!payload.equals(ParameterizedJobConfig.PAYLOAD_OPTIONAL) && !payload.equals(ParameterizedJobConfig.PAYLOAD_REQUIRED)
                && !payload.equals(ParameterizedJobConfig.PAYLOAD_FORBIDDEN)) {
            errs.add("Unknown payload requirement: " + GoFmt.quote(payload));
        }
        Set<String> required = new HashSet<>(GoZero.list(d.metaRequired));
        // Go collects these in a map, so its order is random; sorted is stable.
        TreeSet<String> both = new TreeSet<>();
        for (String k : GoZero.list(d.metaOptional)) {
            if (required.contains(k)) {
                both.add(k);
            }
        }
        if (!both.isEmpty()) {
            errs.add("Required and optional meta keys should be disjoint. Following keys exist in both: "
                    + GoFmt.list(new ArrayList<>(both)));
        }
        return errs.list();
    }
}

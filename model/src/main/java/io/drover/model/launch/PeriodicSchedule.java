package io.drover.model.launch;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.drover.model.PeriodicConfig;
import io.drover.model.validate.CronSyntax;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a periodic job launches next (Nomad's {@code PeriodicConfig.Next}): the cron line is read
 * in the job's time zone (UTC when none is given), as cronexpr reads it: five fields, six with a
 * year last, seven with seconds first, or an {@code @daily}-style alias. The line is checked by
 * {@link CronSyntax} at registration; this only computes times.
 */
public final class PeriodicSchedule {
    /** One definition covers all of cronexpr's forms: shorter lines are widened to seven fields. */
    private static final CronDefinition SEVEN_FIELDS = CronDefinitionBuilder.defineCron()
            .withSeconds().and()
            .withMinutes().and()
            .withHours().and()
            .withDayOfMonth().supportsL().supportsW().supportsLW().supportsQuestionMark().and()
            .withMonth().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0)
            .supportsHash().supportsL().supportsQuestionMark().and()
            .withYear().withValidRange(1970, 2099).and()
            .instance();
    private static final CronParser PARSER = new CronParser(SEVEN_FIELDS);
    /** The {@code @daily}-style names, as the seven-field lines the validator also reads them as. */
    private static final Map<String, String> ALIASES = CronSyntax.ALIASES;

    private PeriodicSchedule() {
    }

    /** The job's time zone: its IANA name, UTC when empty (Nomad's GetLocation). */
    public static ZoneId zone(PeriodicConfig config) {
        String tz = config.timeZone;
        if (tz == null || tz.isEmpty() || tz.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        return ZoneId.of(tz);
    }

    /**
     * The first launch strictly after {@code after}, or empty when there is none (a spec whose
     * times are all past, as Nomad's zero time).
     */
    public static Optional<Instant> next(PeriodicConfig config, Instant after) {
        String spec = config.spec == null ? "" : config.spec.trim();
        if (PeriodicConfig.SPEC_TEST.equals(config.specType)) {
            return nextTestTime(spec, after);
        }
        ExecutionTime times = ExecutionTime.forCron(PARSER.parse(widen(spec)));
        ZoneId zone = zone(config);
        // Matched on the wall clock, then placed in the zone as Go's time.Date places it:
        // a wall time the clocks skip moves forward by the gap (02:30 becomes 03:30), and a
        // repeated wall time is its first occurrence, so the job launches once in that hour.
        LocalDateTime wall = after.atZone(zone).toLocalDateTime();
        for (int guard = 0; guard < 4; guard++) {
            Optional<ZonedDateTime> match = times.nextExecution(wall.atZone(ZoneOffset.UTC));
            if (match.isEmpty()) {
                return Optional.empty();
            }
            wall = match.get().toLocalDateTime();
            Instant at = ZonedDateTime.ofLocal(wall, zone, null).toInstant();
            if (at.isAfter(after)) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** Nomad's test spec: a comma-separated list of unix seconds. */
    private static Optional<Instant> nextTestTime(String spec, Instant after) {
        Instant best = null;
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Instant t = Instant.ofEpochSecond(Long.parseLong(part.trim()));
            if (t.isAfter(after) && (best == null || t.isBefore(best))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A cronexpr line as seven fields: seconds 0 when absent, any year when absent. */
    static String widen(String spec) {
        String line = spec;
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            line = line.replace(alias.getKey(), alias.getValue());
        }
        List<String> fields = new ArrayList<>(List.of(line.trim().split("\\s+")));
        if (fields.size() == 5) {
            fields.add(0, "0");
            fields.add("*");
        } else if (fields.size() == 6) {
            fields.add(0, "0");
        }
        List<String> seven = fields.subList(0, Math.min(fields.size(), 7));
        return String.join(" ", seven);
    }
}

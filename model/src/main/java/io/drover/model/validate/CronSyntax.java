package io.drover.model.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a periodic job's cron line as the cronexpr library vendored in Nomad 0.11.3 parses it,
 * with its error texts ({@code missing field(s)}, {@code syntax error in minute field: 'x'},
 * {@code invalid interval ...}). Five fields, six with a year, seven with seconds first;
 * {@code @daily}-style aliases; {@code L}, {@code W}, {@code #} in the day fields.
 */
public final class CronSyntax {
    private record FieldSpec(String name, int max, String valuePattern) {
    }

    private static final FieldSpec SECOND = new FieldSpec("second", 59, "0?[0-9]|[1-5][0-9]");
    private static final FieldSpec MINUTE = new FieldSpec("minute", 59, "0?[0-9]|[1-5][0-9]");
    private static final FieldSpec HOUR = new FieldSpec("hour", 23, "0?[0-9]|1[0-9]|2[0-3]");
    private static final FieldSpec DOM = new FieldSpec("day-of-month", 31, "0?[1-9]|[12][0-9]|3[01]");
    private static final FieldSpec MONTH = new FieldSpec("month", 12,
            "0?[1-9]|1[012]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april"
                    + "|march|april|june|july|august|september|october|november|december");
    private static final FieldSpec DOW = new FieldSpec("day-of-week", 6,
            "0?[0-7]|sun|mon|tue|wed|thu|fri|sat|sunday|monday|tuesday|wednesday|thursday|friday|saturday");
    private static final FieldSpec YEAR = new FieldSpec("year", 2099, "19[789][0-9]|20[0-9]{2}");

    /** cronexpr's predefined schedules, as seven-field lines (seconds first, year last). */
    public static final Map<String, String> ALIASES = Map.of(
            "@yearly", "0 0 0 1 1 * *",
            "@annually", "0 0 0 1 1 * *",
            "@monthly", "0 0 0 1 * * *",
            "@weekly", "0 0 0 * * 0 *",
            "@daily", "0 0 0 * * * *",
            "@hourly", "0 0 * * * * *");
    private static final Pattern FIELD = Pattern.compile("[^\\t\\n\\f\\r ]+");
    private static final Pattern ENTRY = Pattern.compile("[^,]+");

    private enum Kind { NONE, ONE, SPAN, ALL }

    private record Directive(Kind kind, String text) {
    }

    private CronSyntax() {
    }

    /** Null if cronexpr accepts the line, else its error text. */
    static String check(String line) {
        String cron = line;
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            cron = cron.replace(alias.getKey(), alias.getValue());
        }
        List<String> fields = new ArrayList<>();
        Matcher m = FIELD.matcher(cron);
        while (m.find()) {
            fields.add(m.group());
        }
        if (fields.size() < 5) {
            return "missing field(s)";
        }
        int count = Math.min(fields.size(), 7);
        int field = 0;
        String err;
        if (count == 7) {
            if ((err = generic(fields.get(field++), SECOND)) != null) {
                return err;
            }
        }
        if ((err = generic(fields.get(field++), MINUTE)) != null
                || (err = generic(fields.get(field++), HOUR)) != null
                || (err = dayOfMonth(fields.get(field++))) != null
                || (err = generic(fields.get(field++), MONTH)) != null
                || (err = dayOfWeek(fields.get(field++))) != null) {
            return err;
        }
        if (field < count) {
            return generic(fields.get(field), YEAR);
        }
        return null;
    }

    private static String generic(String s, FieldSpec spec) {
        List<Directive> directives = new ArrayList<>();
        String err = parse(s, spec, directives);
        if (err != null) {
            return err;
        }
        for (Directive d : directives) {
            if (d.kind == Kind.NONE) {
                return "syntax error in " + spec.name + " field: '" + d.text + "'";
            }
            if (d.kind == Kind.ALL) {
                // cronexpr stops at a wildcard: later directives are not looked at.
                return null;
            }
        }
        return null;
    }

    private static String dayOfMonth(String s) {
        List<Directive> directives = new ArrayList<>();
        String err = parse(s, DOM, directives);
        if (err != null) {
            return err;
        }
        for (Directive d : directives) {
            if (d.kind != Kind.NONE) {
                continue;
            }
            String n = d.text.toLowerCase(Locale.ROOT);
            if (!n.equals("l") && !n.equals("lw") && !n.matches("^(" + DOM.valuePattern + ")w$")) {
                return "syntax error in day-of-month field: '" + d.text + "'";
            }
        }
        return null;
    }

    private static String dayOfWeek(String s) {
        List<Directive> directives = new ArrayList<>();
        String err = parse(s, DOW, directives);
        if (err != null) {
            return err;
        }
        for (Directive d : directives) {
            if (d.kind != Kind.NONE) {
                continue;
            }
            String n = d.text.toLowerCase(Locale.ROOT);
            if (!n.matches("^(" + DOW.valuePattern + ")l$") && !n.matches("^(" + DOW.valuePattern + ")#([1-5])$")) {
                return "syntax error in day-of-week field: '" + d.text + "'";
            }
        }
        return null;
    }

    /** cronexpr's genericFieldParse: classifies each comma-separated directive, checking intervals. */
    private static String parse(String s, FieldSpec spec, List<Directive> out) {
        Matcher entries = ENTRY.matcher(s);
        boolean any = false;
        String value = "(" + spec.valuePattern + ")";
        while (entries.find()) {
            any = true;
            String text = entries.group();
            String n = text.toLowerCase(Locale.ROOT);
            Matcher step;
            if (n.equals("*") || n.equals("?")) {
                out.add(new Directive(Kind.ALL, text));
            } else if (n.matches("^" + value + "$")) {
                out.add(new Directive(Kind.ONE, text));
            } else if (n.matches("^" + value + "-" + value + "$")) {
                out.add(new Directive(Kind.SPAN, text));
            } else if ((step = Pattern.compile("^\\*/([0-9]+)$").matcher(n)).matches()
                    || (step = Pattern.compile("^" + value + "/([0-9]+)$").matcher(n)).matches()
                    || (step = Pattern.compile("^" + value + "-" + value + "/([0-9]+)$").matcher(n)).matches()) {
                int interval = numberToken(step.group(step.groupCount()));
                if (interval < 1 || interval > spec.max) {
                    return "invalid interval " + n;
                }
                out.add(new Directive(Kind.SPAN, text));
            } else {
                out.add(new Directive(Kind.NONE, text));
            }
        }
        return any ? null : spec.name + " field: missing directive";
    }

    /** cronexpr's atoi: only 0-59, their two-digit forms and the years 1970-2099 are numbers; anything else is 0. */
    private static int numberToken(String s) {
        if (s.matches("0?[0-9]|[1-5][0-9]|19[789][0-9]|20[0-9][0-9]")) {
            return Integer.parseInt(s);
        }
        return 0;
    }
}

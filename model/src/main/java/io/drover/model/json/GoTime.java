package io.drover.model.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Go's {@code time.Time} as Nomad's JSON carries it: an RFC 3339 string with up to nine
 * fractional digits and no trailing zeros ({@code time.RFC3339Nano}), or {@code null} for Go's
 * zero time, which Nomad's encoder writes as {@code null}. Model fields keep the string so a
 * stored value writes back byte for byte; helpers that compute with times parse it here.
 */
public final class GoTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private GoTime() {
    }

    /** The instant a model time field holds; null for null (Go's zero time). */
    public static Instant parse(String rfc3339) {
        return rfc3339 == null ? null : OffsetDateTime.parse(rfc3339, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** {@code t.UTC().Format(time.RFC3339Nano)}; null (Go's zero time) for null. */
    public static String format(Instant t) {
        if (t == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(SECONDS.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)));
        int nanos = t.getNano();
        if (nanos != 0) {
            String digits = String.format("%09d", nanos);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
        return out.append('Z').toString();
    }

    /** Go's {@code t.UnixNano()}. */
    public static long unixNanos(Instant t) {
        return t.getEpochSecond() * NANOS_PER_SECOND + t.getNano();
    }

    /** Go's {@code time.Unix(0, nanos)}. */
    public static Instant fromUnixNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}

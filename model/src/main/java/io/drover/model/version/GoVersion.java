package io.drover.model.version;

import io.drover.model.json.GoStrconv;
import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * A version as hashicorp/go-version reads it (the library Nomad's {@code version} and
 * {@code semver} constraint operands use): numeric segments padded to three, a prerelease and
 * metadata. {@link #compareTo} follows go-version, including its prerelease ordering (numeric
 * parts before alphanumeric ones, a release after its prereleases).
 */
public final class GoVersion implements Comparable<GoVersion> {
    private final long[] segments;
    /** How many segments were written (before padding). */
    private final int si;
    private final String pre;
    private final String metadata;

    private GoVersion(long[] segments, int si, String pre, String metadata) {
        this.segments = segments;
        this.si = si;
        this.pre = pre;
        this.metadata = metadata;
    }

    /** go-version's NewVersion; null where it reports an error. */
    public static GoVersion parse(String v) {
        try {
            return read(v, VersionSyntax.GO_VERSION);
        } catch (MalformedVersionException e) {
            return null;
        }
    }

    /** go-version's newVersion (NewSemver with {@link VersionSyntax#SEMVER}), with its error texts. */
    static GoVersion read(String v, VersionSyntax syntax) throws MalformedVersionException {
        Matcher m = syntax.version.matcher(v);
        if (!m.matches()) {
            throw new MalformedVersionException("Malformed version: " + v);
        }
        String[] parts = m.group(1).split("\\.");
        long[] segs = new long[Math.max(3, parts.length)];
        for (int i = 0; i < parts.length; i++) {
            try {
                segs[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                // Only digits get here, so the value is past int64: Go's error text, built only now
                // (the scheduler parses a node's version for every constraint it checks).
                throw new MalformedVersionException("Error parsing version: " + GoStrconv.parseIntError(parts[i]));
            }
        }
        String pre = m.group(7) != null && !m.group(7).isEmpty() ? m.group(7) : nullToEmpty(m.group(4));
        return new GoVersion(segs, parts.length, pre, nullToEmpty(m.group(10)));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(segments[i]);
        }
        if (!pre.isEmpty()) {
            b.append('-').append(pre);
        }
        if (!metadata.isEmpty()) {
            b.append('+').append(metadata);
        }
        return b.toString();
    }

    /** go-version's Compare: -1, 0 or 1. */
    @Override
    public int compareTo(GoVersion other) {
        if (toString().equals(other.toString())) {
            return 0;
        }
        if (Arrays.equals(segments, other.segments)) {
            if (pre.isEmpty() && other.pre.isEmpty()) {
                return 0;
            }
            if (pre.isEmpty()) {
                return 1;
            }
            if (other.pre.isEmpty()) {
                return -1;
            }
            return comparePrereleases(pre, other.pre);
        }
        int longest = Math.max(segments.length, other.segments.length);
        for (int i = 0; i < longest; i++) {
            if (i >= segments.length) {
                return allZero(other.segments, i) ? 0 : -1;
            }
            if (i >= other.segments.length) {
                return allZero(segments, i) ? 0 : 1;
            }
            if (segments[i] != other.segments[i]) {
                return segments[i] < other.segments[i] ? -1 : 1;
            }
        }
        return 0;
    }

    private static boolean allZero(long[] segs, int from) {
        for (int i = from; i < segs.length; i++) {
            if (segs[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int comparePrereleases(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        String[] as = a.split("\\.", -1);
        String[] bs = b.split("\\.", -1);
        for (int i = 0; i < Math.max(as.length, bs.length); i++) {
            int c = comparePart(i < as.length ? as[i] : "", i < bs.length ? bs[i] : "");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int comparePart(String self, String other) {
        if (self.equals(other)) {
            return 0;
        }
        Long selfInt = parseLong(self);
        Long otherInt = parseLong(other);
        if (self.isEmpty()) {
            return otherInt != null ? -1 : 1;
        }
        if (other.isEmpty()) {
            return selfInt != null ? 1 : -1;
        }
        if (selfInt != null && otherInt == null) {
            return -1;
        }
        if (selfInt == null && otherInt != null) {
            return 1;
        }
        if (selfInt == null) {
            return self.compareTo(other) > 0 ? 1 : -1;
        }
        return selfInt > otherInt ? 1 : -1;
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * go-version's prereleaseCheck: a prerelease only satisfies an ordering against a
     * prerelease of the same core version, never against a release.
     */
    static boolean prereleaseCheck(GoVersion v, GoVersion c) {
        boolean vPre = !v.pre.isEmpty();
        boolean cPre = !c.pre.isEmpty();
        if (cPre && vPre) {
            return Arrays.equals(c.segments, v.segments);
        }
        return !(vPre && !cPre);
    }

    /** go-version's {@code ~>}: at least c, and the same in every segment c wrote but its last. */
    static boolean pessimistic(GoVersion v, GoVersion c) {
        if (!prereleaseCheck(v, c) || (!c.pre.isEmpty() && v.pre.isEmpty())) {
            return false;
        }
        if (v.compareTo(c) < 0) {
            return false;
        }
        int cs = c.segments.length;
        if (cs > v.segments.length) {
            return false;
        }
        for (int i = 0; i < c.si - 1; i++) {
            if (v.segments[i] != c.segments[i]) {
                return false;
            }
        }
        return c.segments[cs - 1] <= v.segments[cs - 1];
    }
}

package io.drover.model.version;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;

/**
 * A comma-separated list of version constraints ({@code ">= 1.2, < 2"}), all of which must hold:
 * go-version's Constraints for the {@code version} operand, Nomad's semver ones for
 * {@code semver}. One parser serves the job validator, which reports go-version's error texts,
 * and the scheduler, which checks node attributes against what parsed.
 */
public final class VersionConstraints {
    private final List<BiPredicate<GoVersion, GoVersion>> checks;
    private final List<GoVersion> targets;

    private VersionConstraints(List<BiPredicate<GoVersion, GoVersion>> checks, List<GoVersion> targets) {
        this.checks = checks;
        this.targets = targets;
    }

    /** go-version's NewConstraint (with {@code ~>} and its prerelease rules); null on an error. */
    public static VersionConstraints parseVersion(String s) {
        return orNull(s, VersionSyntax.GO_VERSION);
    }

    /** Nomad's semver NewConstraint: no {@code ~>}, and prereleases compare without go-version's extra checks. */
    public static VersionConstraints parseSemver(String s) {
        return orNull(s, VersionSyntax.SEMVER);
    }

    /** Null if go-version's NewConstraint accepts {@code s}, else its error text. */
    public static String versionError(String s) {
        return error(s, VersionSyntax.GO_VERSION);
    }

    /** Null if Nomad's semver NewConstraint accepts {@code s}, else its error text. */
    public static String semverError(String s) {
        return error(s, VersionSyntax.SEMVER);
    }

    private static VersionConstraints orNull(String s, VersionSyntax syntax) {
        try {
            return read(s, syntax);
        } catch (MalformedVersionException e) {
            return null;
        }
    }

    private static String error(String s, VersionSyntax syntax) {
        try {
            read(s, syntax);
            return null;
        } catch (MalformedVersionException e) {
            return e.getMessage();
        }
    }

    private static VersionConstraints read(String s, VersionSyntax syntax) throws MalformedVersionException {
        List<BiPredicate<GoVersion, GoVersion>> checks = new ArrayList<>();
        List<GoVersion> targets = new ArrayList<>();
        for (String single : s.split(",", -1)) {
            Matcher m = syntax.constraint.matcher(single);
            if (!m.matches()) {
                throw new MalformedVersionException("Malformed constraint: " + single);
            }
            targets.add(GoVersion.read(m.group(2), syntax));
            checks.add(operator(m.group(1), syntax.semver));
        }
        return new VersionConstraints(checks, targets);
    }

    /** Whether {@code v} satisfies every constraint. */
    public boolean check(GoVersion v) {
        for (int i = 0; i < checks.size(); i++) {
            if (!checks.get(i).test(v, targets.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static BiPredicate<GoVersion, GoVersion> operator(String op, boolean semver) {
        BiPredicate<GoVersion, GoVersion> pre = semver ? (v, c) -> true : GoVersion::prereleaseCheck;
        return switch (op) {
            case "", "=" -> (v, c) -> v.compareTo(c) == 0;
            case "!=" -> (v, c) -> v.compareTo(c) != 0;
            case ">" -> (v, c) -> pre.test(v, c) && v.compareTo(c) == 1;
            case "<" -> (v, c) -> pre.test(v, c) && v.compareTo(c) == -1;
            case ">=" -> (v, c) -> pre.test(v, c) && v.compareTo(c) >= 0;
            case "<=" -> (v, c) -> pre.test(v, c) && v.compareTo(c) <= 0;
            case "~>" -> GoVersion::pessimistic;
            default -> throw new IllegalStateException("operator " + op);
        };
    }
}

package io.drover.model.validate;

import io.drover.model.json.GoStrconv;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code version} and {@code semver} constraint targets ({@code ">= 1.2, < 2"}) as
 * hashicorp/go-version and Nomad's semver helper parse them, with their error texts
 * ({@code Malformed constraint: x}). The patterns are theirs; Go's {@code \s} is spelled out
 * because Java's also matches a vertical tab.
 */
final class VersionConstraintSyntax {
    private static final String SPACE = "[\\t\\n\\f\\r ]";
    private static final String VERSION_RAW = "v?([0-9]+(\\.[0-9]+)*?)"
            + "(-([0-9]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)|(-?([A-Za-z\\-~]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)))?"
            + "(\\+([0-9A-Za-z\\-~]+(\\.[0-9A-Za-z\\-~]+)*))?"
            + "?";
    private static final String SEMVER_RAW = "v?([0-9]+(\\.[0-9]+)*?)"
            + "(-([0-9]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)|(-([A-Za-z\\-~]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)))?"
            + "(\\+([0-9A-Za-z\\-~]+(\\.[0-9A-Za-z\\-~]+)*))?"
            + "?";
    private static final Pattern VERSION_CONSTRAINT = Pattern.compile(
            "^" + SPACE + "*(~>|>=|<=|!=|=|>|<|)" + SPACE + "*(" + VERSION_RAW + ")" + SPACE + "*$");
    private static final Pattern SEMVER_CONSTRAINT = Pattern.compile(
            "^" + SPACE + "*(>=|<=|!=|=|>|<|)" + SPACE + "*(" + SEMVER_RAW + ")" + SPACE + "*$");
    private static final Pattern VERSION = Pattern.compile("^" + VERSION_RAW + "$");
    private static final Pattern SEMVER = Pattern.compile("^" + SEMVER_RAW + "$");

    private VersionConstraintSyntax() {
    }

    /** Null if go-version's NewConstraint accepts {@code s}, else its error text. */
    static String checkVersion(String s) {
        return check(s, VERSION_CONSTRAINT, VERSION);
    }

    /** Null if Nomad's semver NewConstraint accepts {@code s}, else its error text. */
    static String checkSemver(String s) {
        return check(s, SEMVER_CONSTRAINT, SEMVER);
    }

    private static String check(String s, Pattern constraint, Pattern version) {
        for (String single : s.split(",", -1)) {
            Matcher m = constraint.matcher(single);
            if (!m.matches()) {
                return "Malformed constraint: " + single;
            }
            Matcher v = version.matcher(m.group(2));
            if (!v.matches()) {
                return "Malformed version: " + m.group(2);
            }
            for (String segment : v.group(1).split("\\.")) {
                String err = GoStrconv.parseIntError(segment);
                if (err != null) {
                    return "Error parsing version: " + err;
                }
            }
        }
        return null;
    }
}

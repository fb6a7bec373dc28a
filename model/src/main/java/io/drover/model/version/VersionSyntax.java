package io.drover.model.version;

import java.util.regex.Pattern;

/**
 * The two grammars Nomad reads versions and version constraints with: hashicorp/go-version's
 * (the {@code version} operand) and the stricter one of Nomad's semver helper (the {@code semver}
 * operand), which requires the dash before an alphanumeric prerelease and has no {@code ~>}. The
 * patterns are theirs; Go's {@code \s} is spelled out because Java's also matches a vertical tab.
 */
final class VersionSyntax {
    private static final String VERSION_RAW = "v?([0-9]+(\\.[0-9]+)*?)"
            + "(-([0-9]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)|(-?([A-Za-z\\-~]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)))?"
            + "(\\+([0-9A-Za-z\\-~]+(\\.[0-9A-Za-z\\-~]+)*))?"
            + "?";
    private static final String SEMVER_RAW = "v?([0-9]+(\\.[0-9]+)*?)"
            + "(-([0-9]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)|(-([A-Za-z\\-~]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)))?"
            + "(\\+([0-9A-Za-z\\-~]+(\\.[0-9A-Za-z\\-~]+)*))?"
            + "?";
    private static final String SPACE = "[\\t\\n\\f\\r ]";

    static final VersionSyntax GO_VERSION = new VersionSyntax(VERSION_RAW, "~>|>=|<=|!=|=|>|<|", false);
    static final VersionSyntax SEMVER = new VersionSyntax(SEMVER_RAW, ">=|<=|!=|=|>|<|", true);

    /** A whole version: group 1 the numeric segments, 4 a numeric prerelease, 7 an alphanumeric one, 10 metadata. */
    final Pattern version;
    /** One constraint of a comma-separated list: group 1 the operator, 2 the version. */
    final Pattern constraint;
    /** Nomad's semver check: prereleases compare without go-version's prerelease rule. */
    final boolean semver;

    private VersionSyntax(String versionRaw, String operators, boolean semver) {
        this.version = Pattern.compile("^" + versionRaw + "$");
        this.constraint = Pattern.compile(
                "^" + SPACE + "*(" + operators + ")" + SPACE + "*(" + versionRaw + ")" + SPACE + "*$");
        this.semver = semver;
    }
}

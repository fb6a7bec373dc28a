package io.drover.scheduler.select;

import io.drover.model.Constraint;
import io.drover.model.version.GoVersion;
import io.drover.model.version.VersionConstraints;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Nomad's {@code checkConstraint}: whether {@code lVal operand rVal} holds, given whether each
 * side was found on the node. Shared by constraints and affinities. Ordering operands compare
 * strings lexically (byte order), as Nomad 0.11 does: {@code "10" < "9"}. {@code !=} holds when
 * only one side is found. Unknown operands never hold; distinct_hosts and distinct_property
 * always do here (their own iterators check them).
 */
final class ConstraintOperands {
    private ConstraintOperands() {
    }

    static boolean check(EvalContext ctx, String operand, String lVal, String rVal) {
        boolean lFound = lVal != null;
        boolean rFound = rVal != null;
        String op = operand == null ? "" : operand;
        switch (op) {
            case Constraint.DISTINCT_HOSTS, Constraint.DISTINCT_PROPERTY:
                return true;
            case "=", "==", "is":
                return lFound && rFound && lVal.equals(rVal);
            case "!=", "not":
                return !Objects.equals(lVal, rVal);
            case "<", "<=", ">", ">=":
                return lFound && rFound && lexicalOrder(op, lVal, rVal);
            case Constraint.IS_SET:
                return lFound;
            case Constraint.IS_NOT_SET:
                return !lFound;
            case Constraint.VERSION:
                return lFound && rFound && versionMatch(lVal, ctx.versionConstraints(rVal));
            case Constraint.SEMVER:
                return lFound && rFound && versionMatch(lVal, ctx.semverConstraints(rVal));
            case Constraint.REGEX:
                return lFound && rFound && regexpMatch(ctx, lVal, rVal);
            case Constraint.SET_CONTAINS, Constraint.SET_CONTAINS_ALL:
                return lFound && rFound && setContainsAll(lVal, rVal);
            case Constraint.SET_CONTAINS_ANY:
                return lFound && rFound && setContainsAny(lVal, rVal);
            default:
                return false;
        }
    }

    /** Go compares strings byte-wise; UTF-16 order differs only for supplementary characters, rare in attributes. */
    private static boolean lexicalOrder(String op, String l, String r) {
        int c = l.compareTo(r);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> false;
        };
    }

    /** The left side is read as a go-version version (even for semver), the right as constraints. */
    private static boolean versionMatch(String lVal, VersionConstraints constraints) {
        GoVersion v = GoVersion.parse(lVal);
        return v != null && constraints != null && constraints.check(v);
    }

    /** Go's MatchString: the expression may match anywhere in the value. */
    private static boolean regexpMatch(EvalContext ctx, String lVal, String rVal) {
        Pattern re = ctx.regexp(rVal);
        return re != null && re.matcher(lVal).find();
    }

    private static Set<String> items(String csv) {
        Set<String> out = new HashSet<>();
        for (String s : csv.split(",", -1)) {
            out.add(s.strip());
        }
        return out;
    }

    private static boolean setContainsAll(String lVal, String rVal) {
        Set<String> have = items(lVal);
        for (String want : rVal.split(",", -1)) {
            if (!have.contains(want.strip())) {
                return false;
            }
        }
        return true;
    }

    private static boolean setContainsAny(String lVal, String rVal) {
        Set<String> have = items(lVal);
        for (String want : rVal.split(",", -1)) {
            if (have.contains(want.strip())) {
                return true;
            }
        }
        return false;
    }
}

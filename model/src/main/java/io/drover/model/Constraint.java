package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A hard placement rule {@code LTarget Operand RTarget} (Nomad's {@code structs.Constraint}). */
public final class Constraint {
    public static final String DISTINCT_PROPERTY = "distinct_property";
    public static final String DISTINCT_HOSTS = "distinct_hosts";
    public static final String REGEX = "regexp";
    public static final String VERSION = "version";
    public static final String SEMVER = "semver";
    public static final String SET_CONTAINS = "set_contains";
    public static final String SET_CONTAINS_ALL = "set_contains_all";
    public static final String SET_CONTAINS_ANY = "set_contains_any";
    public static final String IS_SET = "is_set";
    public static final String IS_NOT_SET = "is_not_set";

    @JsonProperty("LTarget") public String lTarget;
    @JsonProperty("RTarget") public String rTarget;
    @JsonProperty("Operand") public String operand;

    public Constraint() {
    }

    public Constraint(String lTarget, String operand, String rTarget) {
        this.lTarget = lTarget;
        this.rTarget = rTarget;
        this.operand = operand;
    }

    /** Nomad's Constraint.Equals: the three strings match. */
    public boolean sameAs(Constraint o) {
        return o != null && Objects.equals(lTarget, o.lTarget) && Objects.equals(rTarget, o.rTarget)
                && Objects.equals(operand, o.operand);
    }
}

package io.drover.scheduler.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.scheduling.Plan;
import io.drover.scheduler.memory.MemoryState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintOperandsTest {
    private final EvalContext ctx = new EvalContext(new MemoryState(), new Plan());

    private boolean check(String op, String l, String r) {
        return ConstraintOperands.check(ctx, op, l, r);
    }

    @Test
    void equalityNeedsBothSidesFound() {
        for (String op : List.of("=", "==", "is")) {
            assertThat(check(op, "linux", "linux")).isTrue();
            assertThat(check(op, "linux", "windows")).isFalse();
            assertThat(check(op, null, null)).isFalse();
        }
    }

    @Test
    void inequalityHoldsWhenOnlyOneSideIsFound() {
        for (String op : List.of("!=", "not")) {
            assertThat(check(op, "a", "b")).isTrue();
            assertThat(check(op, "a", "a")).isFalse();
            assertThat(check(op, null, "a")).isTrue();
            assertThat(check(op, null, null)).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({"<,a,b,true", "<,b,a,false", "<=,a,a,true", ">,b,a,true", ">=,a,b,false",
            // Lexical, as Nomad 0.11: "10" sorts before "9".
            "<,10,9,true", ">,10,9,false"})
    void orderingIsLexical(String op, String l, String r, boolean expected) {
        assertThat(check(op, l, r)).isEqualTo(expected);
        assertThat(check(op, null, r)).isFalse();
    }

    @Test
    void isSetAndIsNotSetLookAtTheLeftSideOnly() {
        assertThat(check("is_set", "x", null)).isTrue();
        assertThat(check("is_set", null, "x")).isFalse();
        assertThat(check("is_not_set", null, "x")).isTrue();
        assertThat(check("is_not_set", "x", null)).isFalse();
    }

    @Test
    void regexpMatchesAnywhereAndRejectsBadExpressions() {
        assertThat(check("regexp", "foobarbaz", "bar")).isTrue();
        assertThat(check("regexp", "foo", "^bar")).isFalse();
        assertThat(check("regexp", "foo", "(")).isFalse();
    }

    @Test
    void setContainsOperands() {
        assertThat(check("set_contains", "a, b ,c", "c,a")).isTrue();
        assertThat(check("set_contains_all", "a,b", "a,d")).isFalse();
        assertThat(check("set_contains_any", "a,b", "x, b")).isTrue();
        assertThat(check("set_contains_any", "a,b", "x,y")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.2.3|>= 1.0, < 2.0|true",
            "2.0.0|>= 1.0, < 2.0|false",
            "1.2.3|~> 1.2|true",
            "1.3.0|~> 1.2.0|false",
            "1.2.9|~> 1.2.0|true",
            "1.2.3-beta|>= 1.0|false",
            "1.2.3-beta|>= 1.2.3-alpha|true",
            "1.2|= 1.2.0|true",
            "v1.2.3|1.2.3|true",
            "garbage|>= 1.0|false",
            "1.2.3|not a constraint|false"})
    void versionOperand(String version, String constraint, boolean expected) {
        assertThat(check("version", version, constraint)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.2.3|>= 1.0.0, < 2.0.0|true",
            // Semver compares prereleases without go-version's extra rule.
            "1.2.3-beta|>= 1.0.0|true",
            "1.2.3|~> 1.2|false"})
    void semverOperand(String version, String constraint, boolean expected) {
        assertThat(check("semver", version, constraint)).isEqualTo(expected);
    }

    @Test
    void distinctOperandsAlwaysHoldHereAndUnknownOnesNever() {
        assertThat(check("distinct_hosts", null, null)).isTrue();
        assertThat(check("distinct_property", null, null)).isTrue();
        assertThat(check("~=", "a", "a")).isFalse();
    }
}

package io.drover.model.diff;

import static io.drover.model.diff.DiffType.ADDED;
import static io.drover.model.diff.DiffType.DELETED;
import static io.drover.model.diff.DiffType.EDITED;
import static io.drover.model.diff.DiffType.NONE;
import static io.drover.model.diff.Expected.added;
import static io.drover.model.diff.Expected.deleted;
import static io.drover.model.diff.Expected.list;
import static io.drover.model.diff.Expected.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Constraint;
import io.drover.model.ServiceCheck;
import io.drover.model.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Go behaviours the diff depends on: %v of float64, string order, DeepEqual and hash identity. */
class GoSemanticsTest {

    @ParameterizedTest
    @CsvSource({
        "5, 5",
        "0.5, 0.5",
        "0.1, 0.1",
        "-2.25, -2.25",
        "100000, 100000",
        "123456, 123456",
        "1000000, 1e+06",
        "1234567, 1.234567e+06",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "1e21, 1e+21",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "4.9e-324, 5e-324",
        "0.3, 0.3",
        "9007199254740993, 9.007199254740992e+15",
    })
    void float64IsPrintedAsGoPrintsIt(double value, String expected) {
        assertThat(GoValues.float64(value)).isEqualTo(expected);
    }

    @Test
    void freeFormNumbersAreFloat64sWhateverTheirJavaType() {
        assertThat(GoValues.freeForm(8080)).isEqualTo("8080");
        assertThat(GoValues.freeForm(8080L)).isEqualTo("8080");
        assertThat(GoValues.freeForm(2_000_000L)).isEqualTo("2e+06");
        assertThat(GoValues.freeForm(null)).isEqualTo("nil");
        assertThat(GoValues.freeForm(false)).isEqualTo("false");
    }

    @Test
    void stringsSortByCodePointAsGoSortsBytes() {
        List<String> names = new ArrayList<>(List.of("b", "\uFFFD", "a", "\uD83D\uDE00", "B"));

        names.sort(GoValues::compare);

        assertThat(names).containsExactly("B", "a", "b", "\uFFFD", "\uD83D\uDE00");
    }

    @Test
    void deepEqualTellsNilFromEmptyButNotNullScalarsFromZero() {
        TaskGroup nilMeta = new TaskGroup();
        TaskGroup emptyMeta = new TaskGroup();
        emptyMeta.meta = Map.of();
        TaskGroup zeroCount = new TaskGroup();
        zeroCount.count = 0;
        TaskGroup zeroDelay = new TaskGroup();
        zeroDelay.shutdownDelay = 0L;

        assertThat(GoEquality.deepEqual(nilMeta, emptyMeta)).isFalse();
        assertThat(GoEquality.deepEqual(nilMeta, zeroCount)).isTrue();
        assertThat(GoEquality.deepEqual(nilMeta, zeroDelay)).as("a nil pointer is not a pointer to zero").isFalse();
        assertThat(GoEquality.deepEqual(Map.of("a", 1), Map.of("a", 1.0d))).isTrue();
    }

    @Test
    void setIdentityIgnoresNilVersusEmptyAndMapOrder() {
        ServiceCheck a = new ServiceCheck();
        a.header = Map.of("X", list("1"), "Y", list("2"));
        ServiceCheck b = new ServiceCheck();
        b.header = Map.of("Y", list("2"), "X", list("1"));
        b.args = List.of();

        assertThat(GoEquality.setKey(a)).isEqualTo(GoEquality.setKey(b));
        b.args = List.of("x");
        assertThat(GoEquality.setKey(a)).isNotEqualTo(GoEquality.setKey(b));
    }

    @Test
    void duplicateSetMembersCountOnce() {
        List<Constraint> old = list(new Constraint("a", "=", "1"), new Constraint("a", "=", "1"));

        assertThat(ObjectDiffs.primitiveSet(old, null, null, "Constraint", false)).containsExactly(
                object(DELETED, "Constraint", list(deleted("LTarget", "a"), deleted("Operand", "="),
                        deleted("RTarget", "1"))));
    }

    @Test
    void objectDiffsSortByNameThenTypeThenSize() {
        List<ObjectDiff> diffs = new ArrayList<>(List.of(
                object(NONE, "a", null),
                object(DELETED, "a", null),
                object(ADDED, "a", list(added("x", "1"), added("y", "1"))),
                object(ADDED, "a", list(added("x", "2"))),
                object(ADDED, "a", list(added("x", "1"))),
                object(EDITED, "b", null),
                object(EDITED, "a", null)));

        diffs.sort(ObjectDiffs.ORDER);

        assertThat(diffs).containsExactly(
                object(EDITED, "a", null),
                object(ADDED, "a", list(added("x", "1"))),
                object(ADDED, "a", list(added("x", "2"))),
                object(ADDED, "a", list(added("x", "1"), added("y", "1"))),
                object(DELETED, "a", null),
                object(NONE, "a", null),
                object(EDITED, "b", null));
    }
}

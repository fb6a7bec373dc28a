package io.drover.cluster.fault;

import static io.drover.cluster.fault.JobRegisterModel.CONFLICT;
import static io.drover.cluster.fault.JobRegisterModel.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.cluster.fault.JobRegisterModel.Cas;
import io.drover.cluster.fault.JobRegisterModel.Found;
import io.drover.cluster.fault.JobRegisterModel.Input;
import io.drover.cluster.fault.JobRegisterModel.Output;
import io.drover.cluster.fault.JobRegisterModel.Read;
import io.drover.cluster.fault.JobRegisterModel.Written;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-made histories of check-and-set registers on Nomad jobs, as the fault suite records them
 * (times in milliseconds), and whether they are linearizable.
 */
class JobRegisterModelTest {
    private final List<Operation<Input, Output>> ops = new ArrayList<>();

    @Test
    void sequentialCreateReadWriteRead() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(1, 2, 3, read(), found("a", 5));
        op(1, 4, 5, cas("b", 5), written(9));
        op(1, 6, 7, read(), found("b", 9));

        assertLinearizable();
    }

    @Test
    void aReadOverlappingAWriteMaySeeEitherSide() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(1, 10, 20, cas("b", 5), written(8));
        op(2, 11, 19, read(), found("a", 5));
        op(3, 12, 18, read(), found("b", 8));
        op(2, 21, 22, read(), found("b", 8));

        assertLinearizable();
    }

    @Test
    void overlappingReadsMustStillAgreeOnOneOrder() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(1, 10, 20, cas("b", 5), written(8));
        op(2, 11, 13, read(), found("b", 8));
        op(3, 14, 16, read(), found("a", 5)); // after a read that saw b had completed

        assertNotLinearizable();
    }

    @Test
    void concurrentChecksAndSetsFromOneIndexOneWinsOneConflicts() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(1, 10, 20, cas("b", 5), CONFLICT);
        op(2, 11, 19, cas("c", 5), written(7));
        op(3, 12, 13, read(), found("a", 5));
        op(3, 21, 22, read(), found("c", 7));

        assertLinearizable();
    }

    @Test
    void creatingAnExistingJobConflicts() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(2, 2, 3, cas("b", 0), CONFLICT);
        op(2, 4, 5, read(), found("a", 5));

        assertLinearizable();
    }

    @Test
    void aConflictOnAJobNoOneCreatedIsFine() {
        op(1, 0, 1, cas("a", 3), CONFLICT);
        op(1, 2, 3, read(), NOT_FOUND);

        assertLinearizable();
    }

    @Test
    void anUnknownWriteAReadObservedTookEffectWithTheIndexTheReadSaw() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(1, 10, cas("b", 3));
        op(2, 20, 21, read(), found("b", 7));
        op(2, 22, 23, cas("c", 7), written(9));
        op(3, 24, 25, read(), found("c", 9));

        assertLinearizable();
    }

    @Test
    void anUnknownWriteMayTakeEffectLongAfterItsClientGaveUp() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(1, 10, cas("b", 3));
        op(2, 20, 21, read(), found("a", 3));
        op(2, 30, 31, read(), found("b", 7));

        assertLinearizable();
    }

    @Test
    void anUnknownWriteMayNeverTakeEffect() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(1, 10, cas("b", 3));
        op(2, 20, 21, read(), found("a", 3));
        op(2, 22, 23, cas("c", 3), written(8));
        op(2, 24, 25, read(), found("c", 8));

        assertLinearizable();
    }

    @Test
    void anUnknownWriteNobodyObservedExplainsAConflict() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(1, 10, cas("b", 3));
        op(2, 20, 21, cas("c", 3), CONFLICT); // only if b took effect: nothing else changed the index

        assertLinearizable();
    }

    @Test
    void withoutTheUnknownWriteTheSameConflictIsAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(3));
        op(2, 20, 21, cas("c", 3), CONFLICT);

        assertNotLinearizable();
    }

    @Test
    void aWriteExpectingTheIndexAnUnknownWriteReplacedIsAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(1, 10, cas("b", 3));
        op(2, 20, 21, cas("c", 3), CONFLICT); // b took effect before this
        op(2, 22, 23, read(), found("b", 6));
        op(3, 30, 31, cas("d", 3), written(9)); // expects the index b replaced

        assertNotLinearizable();
    }

    @Test
    void aConflictRulesOutTheIndexAnUnknownWriteCouldHaveHad() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(1, 10, cas("b", 3));
        op(2, 20, 21, cas("c", 3), CONFLICT); // b had taken effect by now, at some index
        op(2, 30, 31, cas("d", 7), CONFLICT); // so that index is not 7
        op(3, 40, 41, read(), found("b", 7)); // yet a read says it was

        assertNotLinearizable();
    }

    @Test
    void theSameConflictWithAnotherExpectedIndexIsFine() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(1, 10, cas("b", 3));
        op(2, 20, 21, cas("c", 3), CONFLICT);
        op(2, 30, 31, cas("d", 8), CONFLICT);
        op(3, 40, 41, read(), found("b", 7));

        assertLinearizable();
    }

    @Test
    void unknownWritesCanChainWhenEachExpectsTheIndexTheOtherGot() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(1, 10, cas("b", 3));
        unknown(2, 20, cas("c", 6)); // its client read b @6 from somewhere not recorded
        op(3, 30, 31, read(), found("c", 9));

        assertLinearizable();
    }

    @Test
    void anUnknownWriteMayExpectTheVeryNextIndexAfterAnotherUnknownWrite() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(1, 10, cas("b", 3)); // took effect at 4, the very next entry
        unknown(2, 20, cas("c", 4));
        op(3, 30, 31, read(), found("c", 9));

        assertLinearizable();
    }

    @Test
    void anUnknownReadSaysNothing() {
        op(1, 0, 1, cas("a", 0), written(3));
        unknown(2, 2, read());
        op(1, 3, 4, read(), found("a", 3));

        assertLinearizable();
    }

    @Test
    void aStaleReadAfterAnAcknowledgedWriteCompletedIsAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(3));
        op(1, 2, 3, cas("b", 3), written(5));
        op(2, 4, 5, read(), found("a", 3));

        assertNotLinearizable();
    }

    @Test
    void anAcknowledgedWriteThatIsLostIsAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(3));
        op(1, 2, 3, cas("b", 3), written(5));
        op(2, 4, 5, cas("c", 3), written(6)); // as if b never happened
        op(2, 6, 7, read(), found("c", 6));

        assertNotLinearizable();
    }

    @Test
    void twoSuccessfulChecksAndSetsFromTheSameExpectedIndexAreAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(3));
        op(1, 10, 20, cas("b", 3), written(5));
        op(2, 11, 19, cas("c", 3), written(6));

        assertNotLinearizable();
    }

    @Test
    void twoCreationsOfOneJobAreAnAnomaly() {
        op(1, 0, 10, cas("a", 0), written(3));
        op(2, 1, 11, cas("b", 0), written(4));

        assertNotLinearizable();
    }

    @Test
    void aWriteWhoseIndexGoesBackwardsIsAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(1, 2, 3, cas("b", 5), written(4));

        assertNotLinearizable();
    }

    @Test
    void aWriteAnsweredWithTheIndexItReplacedIsAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(1, 2, 3, cas("b", 5), written(5));

        assertNotLinearizable();
    }

    @Test
    void aReadOfTheSameValueAtAnotherIndexIsAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(1, 2, 3, read(), found("a", 5));
        op(1, 4, 5, read(), found("a", 4));

        assertNotLinearizable();
    }

    @Test
    void aReadOfAValueNeverWrittenIsAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(2, 0, 4, read(), found("z", 5));

        assertNotLinearizable();
    }

    @Test
    void aJobThatDisappearsIsAnAnomaly() {
        op(1, 0, 1, cas("a", 0), written(5));
        op(2, 2, 3, read(), NOT_FOUND);

        assertNotLinearizable();
    }

    @Test
    void theExplanationShowsThePrefixAndTheOperationThatCannotBePlaced() {
        op(1, 0, 1, cas("a", 0), written(3));
        op(1, 2, 3, cas("b", 3), written(5));
        op(2, 4, 5, read(), found("a", 3));

        CheckResult result = check();

        assertThat(result.verdict()).isEqualTo(CheckResult.Verdict.NOT_LINEARIZABLE);
        assertThat(result.explanation())
                .contains("key job: 3 operations; the longest linearizable prefix places 2")
                .contains("[client 1] cas(job, b, expect 3) -> ok @5   [2.000 ms .. 3.000 ms]   => b @5")
                .contains("[client 2] read(job) -> found a @3   [4.000 ms .. 5.000 ms]   (impossible in this state)");
    }

    @Test
    void jobsAreCheckedIndependently() {
        op(1, 0, 1, new Cas("x", "a", 0), written(3));
        op(2, 0, 1, new Cas("y", "a", 0), written(4)); // the same value and expectation on another job is fine
        op(1, 2, 3, new Read("x"), found("a", 3));
        op(2, 2, 3, new Read("y"), NOT_FOUND); // but y's creation was acknowledged

        CheckResult result = check();

        assertThat(result.verdict()).isEqualTo(CheckResult.Verdict.NOT_LINEARIZABLE);
        assertThat(result.partitions()).isEqualTo(2);
        assertThat(result.explanation()).startsWith("1 of 2 keys not linearizable").contains("key y:").doesNotContain("key x:");
    }

    // ---- helpers: one job, "job", unless a test names others ----

    private static Read read() {
        return new Read("job");
    }

    private static Cas cas(String value, long expectedIndex) {
        return new Cas("job", value, expectedIndex);
    }

    private static Found found(String value, long index) {
        return new Found(value, index);
    }

    private static Written written(long index) {
        return new Written(index);
    }

    private void op(int client, long fromMillis, long toMillis, Input input, Output output) {
        ops.add(Operation.completed(client, fromMillis * 1_000_000, toMillis * 1_000_000, input, output));
    }

    private void unknown(int client, long fromMillis, Input input) {
        ops.add(Operation.unknown(client, fromMillis * 1_000_000, input));
    }

    private CheckResult check() {
        CheckResult result = new LinearizabilityChecker().check(new JobRegisterModel(), History.of(ops));
        // the definition itself must agree on every one of these small histories
        assertThat(result.isLinearizable())
                .as("the checker and the brute-force definition agree: %s", result)
                .isEqualTo(BruteForceLinearizability.isLinearizable(new JobRegisterModel(), ops));
        return result;
    }

    private void assertLinearizable() {
        CheckResult result = check();
        assertThat(result.verdict()).as("%s", result).isEqualTo(CheckResult.Verdict.LINEARIZABLE);
    }

    private void assertNotLinearizable() {
        CheckResult result = check();
        assertThat(result.verdict()).as("%s", result).isEqualTo(CheckResult.Verdict.NOT_LINEARIZABLE);
        assertThat(result.explanation()).contains("the longest linearizable prefix");
    }
}

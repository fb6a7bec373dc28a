package io.drover.cluster.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The generic search, with small models of its own: ordering by real time, nondeterminism, budget, recording. */
class LinearizabilityCheckerTest {

    /** A coin: {@code toss} lands on either side (nondeterministic); {@code look} answers the side up. */
    private static final class Coin implements Model<String, String, String> {
        @Override
        public String initialState() {
            return "heads";
        }

        @Override
        public Collection<String> step(String side, String input, String output) {
            if (input.equals("toss")) {
                return List.of("heads", "tails");
            }
            return output.equals(side) ? List.of(side) : List.of();
        }

        @Override
        public Collection<String> stepUnknown(String side, String input) {
            return input.equals("toss") ? List.of("heads", "tails") : List.of();
        }
    }

    /** An integer register: {@code w<n>} writes n and answers "ok", {@code r} answers the value. */
    private static final class IntRegister implements Model<Integer, String, String> {
        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public Collection<Integer> step(Integer value, String input, String output) {
            if (input.startsWith("w")) {
                return List.of(Integer.parseInt(input.substring(1)));
            }
            return output.equals(value.toString()) ? List.of(value) : List.of();
        }

        @Override
        public Collection<Integer> stepUnknown(Integer value, String input) {
            return input.startsWith("w") ? List.of(Integer.parseInt(input.substring(1))) : List.of();
        }
    }

    @Test
    void anEmptyHistoryIsLinearizable() {
        CheckResult result = new LinearizabilityChecker().check(new IntRegister(), History.of(List.of()));

        assertThat(result.verdict()).isEqualTo(CheckResult.Verdict.LINEARIZABLE);
        assertThat(result.explanation()).isEmpty();
    }

    @Test
    void operationsThatTouchAtOneInstantAreConcurrent() {
        // the read is invoked at the instant the write completes: it may still be ordered first
        List<Operation<String, String>> touching = List.of(
                Operation.completed(1, 0, 5, "w1", "ok"),
                Operation.completed(2, 5, 6, "r", "0"));
        List<Operation<String, String>> apart = List.of(
                Operation.completed(1, 0, 5, "w1", "ok"),
                Operation.completed(2, 6, 7, "r", "0"));

        assertThat(check(new IntRegister(), touching).verdict()).isEqualTo(CheckResult.Verdict.LINEARIZABLE);
        assertThat(check(new IntRegister(), apart).verdict()).isEqualTo(CheckResult.Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void aNondeterministicModelIsFollowedThroughEveryStateItCouldBeIn() {
        List<Operation<String, String>> consistent = List.of(
                Operation.completed(1, 0, 1, "toss", "ok"),
                Operation.completed(1, 2, 3, "look", "tails"),
                Operation.completed(2, 4, 5, "look", "tails"),
                Operation.completed(1, 6, 7, "toss", "ok"),
                Operation.completed(2, 8, 9, "look", "heads"));
        List<Operation<String, String>> flipsWithoutAToss = List.of(
                Operation.completed(1, 0, 1, "toss", "ok"),
                Operation.completed(1, 2, 3, "look", "tails"),
                Operation.completed(2, 4, 5, "look", "heads"));

        assertThat(check(new Coin(), consistent).verdict()).isEqualTo(CheckResult.Verdict.LINEARIZABLE);
        CheckResult flipped = check(new Coin(), flipsWithoutAToss);
        assertThat(flipped.verdict()).isEqualTo(CheckResult.Verdict.NOT_LINEARIZABLE);
        assertThat(flipped.explanation()).contains("[client 2] look -> heads").contains("(impossible in this state)");
    }

    @Test
    void anUnknownNondeterministicOperationMayExplainAChange() {
        List<Operation<String, String>> ops = List.of(
                Operation.completed(1, 0, 1, "look", "heads"),
                Operation.unknown(1, 2, "toss"),
                Operation.completed(2, 4, 5, "look", "tails"),
                Operation.completed(2, 6, 7, "look", "tails"));

        assertThat(check(new Coin(), ops).verdict()).isEqualTo(CheckResult.Verdict.LINEARIZABLE);
    }

    @Test
    void aSearchOverItsBudgetIsUnknownNotAVerdict() {
        RegisterSimulator simulator = new RegisterSimulator(new Random(7));
        var history = simulator.generate(new RegisterSimulator.Shape(3, 4, 60, 0.05, 0.4));

        CheckResult tight = new LinearizabilityChecker(50).check(new JobRegisterModel(), history);
        CheckResult ample = new LinearizabilityChecker().check(new JobRegisterModel(), history);

        assertThat(tight.verdict()).isEqualTo(CheckResult.Verdict.UNKNOWN);
        assertThat(tight.explanation()).startsWith("node budget of 50 per key exhausted on [")
                .contains("key job-0 (60 operations)", "key job-1 (60 operations)", "key job-2 (60 operations)");
        assertThat(ample.verdict()).as("%s", ample).isEqualTo(CheckResult.Verdict.LINEARIZABLE);
        assertThat(ample.nodesExplored()).isGreaterThan(3 * 50);
    }

    @Test
    void theRecorderTimesEachCallAndCountsUnansweredOnesAsUnknown() {
        long[] now = {100};
        History.Recorder<String, String> recorder = History.recorder(() -> now[0]++);
        History.Call<String, String> write = recorder.invoke(1, "w1");
        History.Call<String, String> lost = recorder.invoke(2, "w2");
        History.Call<String, String> inFlight = recorder.invoke(3, "r");
        write.ok("ok");
        lost.unknown();

        List<Operation<String, String>> ops = recorder.history().operations();

        assertThat(ops).containsExactly(
                Operation.completed(1, 100, 103, "w1", "ok"),
                Operation.unknown(2, 101, "w2"),
                Operation.unknown(3, 102, "r"));
        inFlight.ok("1");
        assertThat(recorder.history().operations().get(2)).isEqualTo(Operation.completed(3, 102, 104, "r", "1"));
        assertThatThrownBy(() -> write.ok("again")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOperationCannotCompleteBeforeItStarts() {
        assertThatThrownBy(() -> Operation.completed(1, 5, 4, "r", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Operation<>(1, 5, 6, "r", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureIsReportedForEveryKeyWithAnExplanationForTheFirstFew() {
        List<Operation<JobRegisterModel.Input, JobRegisterModel.Output>> ops = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            String job = "job-" + k;
            ops.add(Operation.completed(1, 0, 1, new JobRegisterModel.Cas(job, "a", 0), new JobRegisterModel.Written(3)));
            ops.add(Operation.completed(1, 2, 3, new JobRegisterModel.Read(job), JobRegisterModel.NOT_FOUND));
        }

        CheckResult result = new LinearizabilityChecker().check(new JobRegisterModel(), History.of(ops));

        assertThat(result.verdict()).isEqualTo(CheckResult.Verdict.NOT_LINEARIZABLE);
        assertThat(result.explanation()).startsWith("5 of 5 keys not linearizable (the first 3 explained)")
                .contains("key job-0:", "key job-1:", "key job-2:").doesNotContain("key job-3:");
        assertThat(result.partitions()).isEqualTo(5);
    }

    private static <S, I, O> CheckResult check(Model<S, I, O> model, List<Operation<I, O>> ops) {
        CheckResult result = new LinearizabilityChecker().check(model, History.of(ops));
        assertThat(result.isLinearizable()).as("agrees with the definition: %s", result)
                .isEqualTo(BruteForceLinearizability.isLinearizable(model, ops));
        return result;
    }
}

package io.drover.cluster.fault;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sequential model of Nomad jobs used as check-and-set registers: each job (a partition key)
 * holds a value (a unique string the test writes into the job's spec, e.g. its {@code Meta}) and
 * the job's {@code JobModifyIndex}, or does not exist yet.
 *
 * <ul>
 * <li>{@link Read}: a {@code ?consistent} read of the job, answered {@link Found} (its value and
 * {@code JobModifyIndex}) or {@link #NOT_FOUND}.
 * <li>{@link Cas}: a register with {@code EnforceIndex: true, JobModifyIndex: e} writing a value
 * no other operation writes, answered {@link Written} (the new {@code JobModifyIndex}),
 * {@link #CONFLICT} (409: the job's index is not {@code e}; with {@code e = 0}: the job exists),
 * or not at all (a timeout, a lost connection, a 5xx: {@link Operation#unknown}).
 * </ul>
 *
 * <p>Indices: a successful write's index is its Raft entry's, so it is above every index the job
 * had before. Drover batches commands into one entry, but two successful check-and-sets of one
 * job cannot share one: the second would have to expect the first's index, which nobody knows
 * before the entry is committed.
 *
 * <p>Writes whose outcome is unknown are the subtle part. If such a write took effect, it did so
 * with an index nobody was told. The model therefore keeps that index symbolic: the state is
 * {@link Pending} (the value, plus "some index above {@code above}, and none of
 * {@code notIndex}"), standing for every concrete state it could be. Each later operation that
 * depends on the index narrows it:
 * <ul>
 * <li>a read that observes the value learns the index: the write took effect with exactly the
 * index that read saw (values are unique, and a job's index only changes with its value), so the
 * state becomes {@link Known} with it; a read that sees another value or no job means the write
 * had not taken effect yet at that point;
 * <li>a successful check-and-set expecting {@code e} means the index was {@code e} (possible only
 * if {@code e} is above {@code above} and not excluded). With expected indices taken from reads in
 * the history this happens only after a read observed the value, because nobody else can know the
 * index; binding here too keeps the model right if a client learned it elsewhere;
 * <li>a conflict with expected {@code e} means the index was not {@code e}: {@code e} joins
 * {@code notIndex} (a {@code notIndex} later contradicted by a read is a violation);
 * <li>another write of unknown outcome can take effect on it only if its expected index could be
 * the pending one; it then binds the old index to its expectation and is pending in turn.
 * </ul>
 * So an unknown write never observed may have happened (explaining, say, a conflict some client
 * got) with an index no later successful check-and-set could have expected, since those expect
 * indices they read; and the checker may also leave it out entirely (it never happened). An
 * unknown read says nothing and is left out.
 *
 * <p>For the history to be checkable: jobs start absent (record their creation, a check-and-set
 * with index 0, in the history); only this history's check-and-sets write them; each write
 * changes the job's spec (Nomad keeps {@code JobModifyIndex} when a re-registered spec is
 * unchanged); reads are {@code ?consistent} (a default or {@code ?stale} read is not promised to
 * be linearizable and belongs in another check).
 */
public final class JobRegisterModel implements Model<JobRegisterModel.State, JobRegisterModel.Input, JobRegisterModel.Output> {
    public static final Output NOT_FOUND = new NotFound();
    public static final Output CONFLICT = new Conflict();

    // ---- inputs ----

    /** What a client asked about one job. */
    public sealed interface Input {
        String job();
    }

    /** A {@code ?consistent} read of the job. */
    public record Read(String job) implements Input {
        public Read {
            Objects.requireNonNull(job, "job");
        }

        @Override
        public String toString() {
            return "read(" + job + ")";
        }
    }

    /** A register of {@code value} with {@code EnforceIndex: true, JobModifyIndex: expectedIndex}. */
    public record Cas(String job, String value, long expectedIndex) implements Input {
        public Cas {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(value, "value");
            if (expectedIndex < 0) {
                throw new IllegalArgumentException("negative expected index " + expectedIndex);
            }
        }

        @Override
        public String toString() {
            return "cas(" + job + ", " + value + ", expect " + expectedIndex + ")";
        }
    }

    // ---- outputs ----

    /** What the server answered. */
    public sealed interface Output {
    }

    /** A read found the job with this value at this {@code JobModifyIndex}. */
    public record Found(String value, long index) implements Output {
        public Found {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "found " + value + " @" + index;
        }
    }

    /** A read found no job (404). */
    private record NotFound() implements Output {
        @Override
        public String toString() {
            return "not found";
        }
    }

    /** A check-and-set succeeded; the job's new {@code JobModifyIndex}. */
    public record Written(long index) implements Output {
        @Override
        public String toString() {
            return "ok @" + index;
        }
    }

    /** A check-and-set was refused (409). */
    private record Conflict() implements Output {
        @Override
        public String toString() {
            return "409";
        }
    }

    // ---- states ----

    /** What one job is. */
    public sealed interface State {
    }

    /** The job does not exist. */
    public record Absent() implements State {
        @Override
        public String toString() {
            return "absent";
        }
    }

    /** The job holds {@code value} at {@code index}. */
    public record Known(String value, long index) implements State {
        @Override
        public String toString() {
            return value + " @" + index;
        }
    }

    /**
     * The job holds {@code value}, written by an operation whose answer was lost, at an index
     * above {@code above} that is none of {@code notIndex} (all of which are above {@code above}).
     */
    public record Pending(String value, long above, Set<Long> notIndex) implements State {
        public Pending {
            notIndex = Set.copyOf(notIndex);
        }

        boolean couldBe(long index) {
            return index > above && !notIndex.contains(index);
        }

        @Override
        public String toString() {
            return value + " @?>" + above + (notIndex.isEmpty() ? "" : " not " + new TreeSet<>(notIndex));
        }
    }

    private static final State ABSENT = new Absent();

    @Override
    public State initialState() {
        return ABSENT;
    }

    @Override
    public Object partitionKey(Input input) {
        return input.job();
    }

    @Override
    public Collection<State> step(State state, Input input, Output output) {
        if (input instanceof Read) {
            return read(state, output);
        }
        Cas cas = (Cas) input;
        if (output instanceof Written w) {
            return casWritten(state, cas, w.index());
        }
        if (output == CONFLICT) {
            return casConflict(state, cas.expectedIndex());
        }
        throw new IllegalArgumentException("a check-and-set cannot answer " + output + ": " + input);
    }

    @Override
    public Collection<State> stepUnknown(State state, Input input) {
        if (input instanceof Read) {
            return List.of(); // a read changes nothing: leaving it out is the same
        }
        Cas cas = (Cas) input;
        long e = cas.expectedIndex();
        if (state instanceof Absent) {
            return e == 0 ? List.of(new Pending(cas.value(), 0, Set.of())) : List.of();
        }
        if (state instanceof Known k) {
            return k.index() == e ? List.of(new Pending(cas.value(), e, Set.of())) : List.of();
        }
        Pending p = (Pending) state;
        return p.couldBe(e) ? List.of(new Pending(cas.value(), e, Set.of())) : List.of();
    }

    /**
     * A lost read never matters; a lost check-and-set expecting {@code e} cannot take effect once
     * the job's index is past {@code e} (indices only grow, and a job never disappears).
     */
    @Override
    public boolean cannotTakeEffectFrom(State state, Input input) {
        if (input instanceof Read) {
            return true;
        }
        long e = ((Cas) input).expectedIndex();
        if (state instanceof Known k) {
            return e < k.index();
        }
        return state instanceof Pending p && e <= p.above();
    }

    private static Collection<State> read(State state, Output output) {
        if (output == NOT_FOUND) {
            return state instanceof Absent ? List.of(state) : List.of();
        }
        if (!(output instanceof Found f)) {
            throw new IllegalArgumentException("a read cannot answer " + output);
        }
        if (state instanceof Known k) {
            return k.value().equals(f.value()) && k.index() == f.index() ? List.of(state) : List.of();
        }
        if (state instanceof Pending p) {
            return p.value().equals(f.value()) && p.couldBe(f.index()) ? List.of(new Known(f.value(), f.index())) : List.of();
        }
        return List.of();
    }

    private static Collection<State> casWritten(State state, Cas cas, long index) {
        long e = cas.expectedIndex();
        boolean held = state instanceof Absent ? e == 0
                : state instanceof Known k ? k.index() == e
                : ((Pending) state).couldBe(e);
        return held && index > e ? List.of(new Known(cas.value(), index)) : List.of();
    }

    private static Collection<State> casConflict(State state, long e) {
        if (state instanceof Absent) {
            return e != 0 ? List.of(state) : List.of();
        }
        if (state instanceof Known k) {
            return k.index() != e ? List.of(state) : List.of();
        }
        Pending p = (Pending) state;
        if (!p.couldBe(e)) {
            return List.of(state); // certainly not e: nothing learned
        }
        Set<Long> not = new TreeSet<>(p.notIndex());
        not.add(e);
        return List.of(new Pending(p.value(), p.above(), not));
    }
}

package io.drover.cluster.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The operations clients performed, in the order they were invoked, each with its invocation
 * and completion times (see {@link Operation}). Immutable; a running test builds one with a
 * {@link Recorder}.
 */
public final class History<I, O> {
    private final List<Operation<I, O>> operations;

    private History(List<Operation<I, O>> operations) {
        this.operations = operations;
    }

    public static <I, O> History<I, O> of(List<Operation<I, O>> operations) {
        List<Operation<I, O>> sorted = new ArrayList<>(operations);
        sorted.sort((a, b) -> Long.compare(a.invokedAt(), b.invokedAt()));
        return new History<>(List.copyOf(sorted));
    }

    /** A recorder whose times come from {@code clock}, e.g. {@code System::nanoTime}. */
    public static <I, O> Recorder<I, O> recorder(LongSupplier clock) {
        return new Recorder<>(clock);
    }

    /** The operations, by invocation time. */
    public List<Operation<I, O>> operations() {
        return operations;
    }

    public int size() {
        return operations.size();
    }

    /**
     * Records operations as concurrent clients perform them: {@link #invoke} just before sending a
     * request, then {@link Call#ok} with the answer, or {@link Call#unknown} (or nothing) when
     * the outcome is unknown. Thread-safe.
     */
    public static final class Recorder<I, O> {
        private final LongSupplier clock;
        private final List<Call<I, O>> calls = new ArrayList<>();

        private Recorder(LongSupplier clock) {
            this.clock = Objects.requireNonNull(clock);
        }

        /** Notes that {@code client} is about to send {@code input}; takes the invocation time now. */
        public Call<I, O> invoke(int client, I input) {
            Call<I, O> call = new Call<>(this, client, Objects.requireNonNull(input), clock.getAsLong());
            synchronized (this) {
                calls.add(call);
            }
            return call;
        }

        /**
         * Everything recorded so far. Operations not answered yet (still in flight, or never
         * marked) count as unknown.
         */
        public synchronized History<I, O> history() {
            List<Operation<I, O>> ops = new ArrayList<>(calls.size());
            for (Call<I, O> c : calls) {
                ops.add(c.operation());
            }
            return History.of(ops);
        }
    }

    /** One recorded invocation, waiting for its answer. */
    public static final class Call<I, O> {
        private final Recorder<I, O> recorder;
        private final int client;
        private final I input;
        private final long invokedAt;
        private long completedAt = Operation.UNKNOWN;
        private O output;

        private Call(Recorder<I, O> recorder, int client, I input, long invokedAt) {
            this.recorder = recorder;
            this.client = client;
            this.input = input;
            this.invokedAt = invokedAt;
        }

        /** The answer came: takes the completion time now. */
        public void ok(O answer) {
            Objects.requireNonNull(answer, "answer");
            long now = recorder.clock.getAsLong();
            synchronized (recorder) {
                if (output != null) {
                    throw new IllegalStateException("answered twice: " + input);
                }
                output = answer;
                completedAt = now;
            }
        }

        /** The outcome is unknown (timeout, connection lost, 5xx): the operation may or may not have taken effect. */
        public void unknown() {
            synchronized (recorder) {
                if (output != null) {
                    throw new IllegalStateException("already answered: " + input);
                }
            }
        }

        private Operation<I, O> operation() {
            return output == null ? Operation.unknown(client, invokedAt, input)
                    : Operation.completed(client, invokedAt, completedAt, input, output);
        }
    }
}

package io.drover.cluster.fault;

import java.util.Objects;
import java.util.Optional;

/**
 * One operation of a recorded history: which client sent what when, and what it was answered
 * when; or, for an operation whose outcome is unknown (a timeout, a lost connection, a 5xx), no
 * answer and no completion time: it may have taken effect at any time after its invocation, or
 * never. Times are from one monotonic clock (e.g. {@link System#nanoTime()}); only their order
 * matters.
 *
 * @param client who sent it, for reports only (clients need not be sequential)
 * @param invokedAt when the request was sent
 * @param completedAt when the answer came; {@link #UNKNOWN} if it never did
 * @param input what was asked
 * @param output what was answered; null exactly when the outcome is unknown
 */
public record Operation<I, O>(int client, long invokedAt, long completedAt, I input, O output) {
    /** The completion time of an operation whose outcome is unknown: it may take effect until the end of time. */
    public static final long UNKNOWN = Long.MAX_VALUE;

    public Operation {
        Objects.requireNonNull(input, "input");
        if ((completedAt == UNKNOWN) != (output == null)) {
            throw new IllegalArgumentException("an operation has an output exactly when it completed: "
                    + input + " completedAt " + completedAt + " output " + output);
        }
        if (completedAt < invokedAt) {
            throw new IllegalArgumentException("completed before invoked: " + input + " " + invokedAt + " > " + completedAt);
        }
    }

    /** An operation that was answered {@code output} at {@code completedAt}. */
    public static <I, O> Operation<I, O> completed(int client, long invokedAt, long completedAt, I input, O output) {
        return new Operation<>(client, invokedAt, completedAt, input, Objects.requireNonNull(output, "output"));
    }

    /** An operation whose answer never came. */
    public static <I, O> Operation<I, O> unknown(int client, long invokedAt, I input) {
        return new Operation<>(client, invokedAt, UNKNOWN, input, null);
    }

    public boolean isCompleted() {
        return completedAt != UNKNOWN;
    }

    public Optional<O> answer() {
        return Optional.ofNullable(output);
    }
}

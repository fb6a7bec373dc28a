package io.drover.cluster.fault;

import java.util.Collection;

/**
 * A sequential specification the {@link LinearizabilityChecker} checks a concurrent history
 * against: the states an object can be in, and what one operation at a time does to it.
 *
 * <p>A step may allow several next states (a nondeterministic object); the checker then tracks
 * the set of states the object could be in. An empty result means the operation could not have
 * answered so in that state. Steps must be pure functions of their arguments, and states must
 * implement {@code equals} and {@code hashCode} by value: the checker memoizes on them.
 *
 * @param <S> the object's state
 * @param <I> what a client asked (the operation and its arguments)
 * @param <O> what the object answered
 */
public interface Model<S, I, O> {

    /** The state before any operation. */
    S initialState();

    /** The states after {@code input} took effect in {@code state} and answered {@code output}; empty if impossible. */
    Collection<S> step(S state, I input, O output);

    /**
     * The states after {@code input}, whose answer the client never got (a timeout, a lost
     * connection), took effect in {@code state}. The checker separately considers that it never
     * took effect, so an operation that cannot change the state (a read) may return an empty
     * collection: leaving it out is then the same as placing it, and cheaper.
     */
    Collection<S> stepUnknown(S state, I input);

    /**
     * Whether {@code input}, whose answer was lost, can no longer take effect, neither in
     * {@code state} nor in any state reachable from it (e.g. a check-and-set expecting an index
     * the object has moved past, or a read). It must stay true along every later step: the search
     * then drops the operation on that path, which keeps histories with many lost answers fast.
     * The default never drops anything, which is always correct.
     */
    default boolean cannotTakeEffectFrom(S state, I input) {
        return false;
    }

    /**
     * Operations with different keys act on independent objects (P-compositionality): the checker
     * checks each key's operations on their own, from {@link #initialState()}, which is much
     * cheaper than checking them together. By default every operation shares one object.
     */
    default Object partitionKey(I input) {
        return "";
    }
}

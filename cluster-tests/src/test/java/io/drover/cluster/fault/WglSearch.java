package io.drover.cluster.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Wing & Gong linearizability search with Lowe's memoization, over the operations of one
 * key. Calls and returns form one time-ordered doubly linked list. The search walks it from the
 * front: at a call it tries to linearize that operation next (apply it to the model, remove its
 * call and return from the list, start again from the front); at a return it has met an
 * operation that had to be linearized already, so it undoes the last choice and tries the next
 * call after it. It succeeds when the list holds no return any more, since every operation left
 * is then one whose outcome is unknown and that may never have taken effect.
 *
 * <p>An operation whose outcome is unknown stays in the list, and is tried again at every
 * step, until the model says it can no longer take effect on the current path
 * ({@link Model#cannotTakeEffectFrom}); it is then dropped from the list, and put back when the
 * search backtracks past the step that dropped it. Without that, histories with many lost
 * answers cost time quadratic in their length.
 *
 * <p>Invariant: {@code seen} holds every (set of linearized operations, possible states) pair
 * already explored; since the future of a search depends only on that pair, none is explored
 * twice, which keeps histories of a few hundred operations per key fast. The model may be
 * nondeterministic: the search tracks the set of states the object could be in.
 *
 * <p>Operations invoked at the same time another completes are taken as concurrent with it (a
 * call sorts before a return at equal times): the check never demands an order the clock cannot
 * show.
 */
final class WglSearch<S, I, O> {
    enum Result {
        LINEARIZABLE, NOT_LINEARIZABLE, BUDGET_EXHAUSTED
    }

    private final Model<S, I, O> model;
    private final List<Operation<I, O>> ops;
    private final long budget;
    private long nodes;
    private int[] longestPrefix = new int[0];

    /** @param ops the operations of one key; the search refers to them by their position here */
    WglSearch(Model<S, I, O> model, List<Operation<I, O>> ops, long budget) {
        this.model = model;
        this.ops = ops;
        this.budget = budget;
    }

    Result run() {
        Entry head = buildList();
        BitSet linearized = new BitSet(ops.size());
        Set<Node<S>> seen = new HashSet<>();
        List<Frame<S>> stack = new ArrayList<>();
        Set<S> states = Set.of(model.initialState());
        List<Entry> droppedAtRoot = new ArrayList<>(); // never put back: the search ends before
        Entry entry = head.next;
        while (true) {
            if (entry == null) {
                return Result.LINEARIZABLE;
            }
            if (entry.isCall) {
                if (++nodes > budget) {
                    return Result.BUDGET_EXHAUSTED;
                }
                Operation<I, O> op = ops.get(entry.op);
                if (!op.isCompleted() && cannotTakeEffect(states, op)) {
                    entry.lift();
                    (stack.isEmpty() ? droppedAtRoot : stack.get(stack.size() - 1).dropped).add(entry);
                    entry = entry.next;
                    continue;
                }
                Set<S> next = step(states, op);
                if (!next.isEmpty()) {
                    linearized.set(entry.op);
                    if (seen.add(new Node<>((BitSet) linearized.clone(), next))) {
                        stack.add(new Frame<>(entry, states));
                        states = next;
                        entry.lift();
                        if (stack.size() > longestPrefix.length) {
                            longestPrefix = stack.stream().mapToInt(f -> f.call.op).toArray();
                        }
                        entry = head.next;
                        continue;
                    }
                    linearized.clear(entry.op);
                }
                entry = entry.next;
            } else {
                if (stack.isEmpty()) {
                    return Result.NOT_LINEARIZABLE;
                }
                Frame<S> last = stack.remove(stack.size() - 1);
                for (int i = last.dropped.size() - 1; i >= 0; i--) {
                    last.dropped.get(i).unlift(); // in the reverse order of removal, as links require
                }
                states = last.statesBefore;
                linearized.clear(last.call.op);
                last.call.unlift();
                entry = last.call.next;
            }
        }
    }

    /** Model steps tried so far. */
    long nodes() {
        return nodes;
    }

    /** The positions of the operations of the longest linearizable prefix found, in order. */
    int[] longestPrefix() {
        return longestPrefix.clone();
    }

    /** The states the object could be in after {@code op}, from any of {@code states}. */
    Set<S> step(Set<S> states, Operation<I, O> op) {
        if (states.size() == 1) {
            return asSet(apply(states.iterator().next(), op));
        }
        Set<S> out = new HashSet<>();
        for (S s : states) {
            out.addAll(apply(s, op));
        }
        return out;
    }

    private boolean cannotTakeEffect(Set<S> states, Operation<I, O> op) {
        for (S s : states) {
            if (!model.cannotTakeEffectFrom(s, op.input())) {
                return false;
            }
        }
        return true;
    }

    private Collection<S> apply(S state, Operation<I, O> op) {
        return op.isCompleted() ? model.step(state, op.input(), op.output()) : model.stepUnknown(state, op.input());
    }

    private static <S> Set<S> asSet(Collection<S> c) {
        if (c.isEmpty()) {
            return Set.of();
        }
        return c.size() == 1 ? Set.of(c.iterator().next()) : new HashSet<>(c);
    }

    /** The calls and returns by time, a call before a return at equal times; a sentinel in front. */
    private Entry buildList() {
        List<Entry> entries = new ArrayList<>(2 * ops.size());
        for (int i = 0; i < ops.size(); i++) {
            Entry call = new Entry(i, true, ops.get(i).invokedAt());
            entries.add(call);
            if (ops.get(i).isCompleted()) {
                call.match = new Entry(i, false, ops.get(i).completedAt());
                entries.add(call.match);
            }
        }
        Entry[] sorted = entries.toArray(new Entry[0]);
        Arrays.sort(sorted, (a, b) -> a.time != b.time ? Long.compare(a.time, b.time)
                : a.isCall != b.isCall ? (a.isCall ? -1 : 1) : Integer.compare(a.op, b.op));
        Entry head = new Entry(-1, true, Long.MIN_VALUE);
        Entry prev = head;
        for (Entry e : sorted) {
            prev.next = e;
            e.prev = prev;
            prev = e;
        }
        return head;
    }

    /** A call or return in the list; removed entries keep their links so they can be put back. */
    private static final class Entry {
        final int op;
        final boolean isCall;
        final long time;
        Entry match;
        Entry prev;
        Entry next;

        Entry(int op, boolean isCall, long time) {
            this.op = op;
            this.isCall = isCall;
            this.time = time;
        }

        /** Removes this call and its return. */
        void lift() {
            unlink(this);
            if (match != null) {
                unlink(match);
            }
        }

        /** Puts this call and its return back, in the reverse order of {@link #lift()}. */
        void unlift() {
            if (match != null) {
                relink(match);
            }
            relink(this);
        }

        private static void unlink(Entry e) {
            e.prev.next = e.next;
            if (e.next != null) {
                e.next.prev = e.prev;
            }
        }

        private static void relink(Entry e) {
            e.prev.next = e;
            if (e.next != null) {
                e.next.prev = e;
            }
        }
    }

    /** One linearized operation; {@code dropped}: unknown operations dropped in the state after it. */
    private record Frame<S>(Entry call, Set<S> statesBefore, List<Entry> dropped) {
        Frame(Entry call, Set<S> statesBefore) {
            this(call, statesBefore, new ArrayList<>());
        }
    }

    private record Node<S>(BitSet linearized, Set<S> states) {
    }
}

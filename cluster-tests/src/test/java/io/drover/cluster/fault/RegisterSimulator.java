package io.drover.cluster.fault;

import io.drover.cluster.fault.JobRegisterModel.Cas;
import io.drover.cluster.fault.JobRegisterModel.Found;
import io.drover.cluster.fault.JobRegisterModel.Input;
import io.drover.cluster.fault.JobRegisterModel.Output;
import io.drover.cluster.fault.JobRegisterModel.Read;
import io.drover.cluster.fault.JobRegisterModel.Written;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Generates histories of a correct check-and-set register (jobs with a value and a
 * {@code JobModifyIndex}) under random concurrency, for the randomized checker tests: every
 * operation takes effect at one instant strictly between its invocation and its completion, in a
 * discrete-event simulation, so the histories are linearizable by construction. Some operations
 * lose their answer (their outcome is unknown); half of those never take effect. Clients choose
 * what to expect from what they were answered, as the fault suite's clients will, sometimes from
 * an older index. Deterministic for a given {@link Random}.
 */
final class RegisterSimulator {
    /** Shape of the generated history; times are in nanoseconds, operations last up to ~2 ms. */
    record Shape(int keys, int clientsPerKey, int opsPerKey, double unknownRate, double readRate) {
    }

    private static final long MAX_STEP = 1_000_000;

    private final Random random;
    private long nextIndex = 1;
    private int nextValue = 1;

    RegisterSimulator(Random random) {
        this.random = random;
    }

    History<Input, Output> generate(Shape shape) {
        List<Operation<Input, Output>> ops = new ArrayList<>();
        for (int k = 0; k < shape.keys(); k++) {
            simulateKey("job-" + k, shape, ops);
        }
        return History.of(ops);
    }

    private void simulateKey(String job, Shape shape, List<Operation<Input, Output>> out) {
        PriorityQueue<Event> events = new PriorityQueue<>();
        long[] knownIndex = new long[shape.clientsPerKey()];
        List<Long> indices = new ArrayList<>(List.of(0L));
        Register register = new Register();
        int invoked = 0;
        long seq = 0;
        for (int c = 0; c < shape.clientsPerKey(); c++) {
            events.add(new Event(randomBelow(MAX_STEP), seq++, Kind.INVOKE, c, null));
        }
        while (!events.isEmpty()) {
            Event ev = events.poll();
            switch (ev.kind) {
                case INVOKE -> {
                    if (invoked++ >= shape.opsPerKey()) {
                        continue;
                    }
                    Pending p = new Pending(ev.client, ev.time, input(job, shape, knownIndex[ev.client], indices));
                    long effect = ev.time + 1 + randomBelow(MAX_STEP);
                    long answer = effect + 1 + randomBelow(MAX_STEP);
                    p.unknown = random.nextDouble() < shape.unknownRate();
                    if (!p.unknown || random.nextBoolean()) {
                        events.add(new Event(effect, seq++, Kind.EFFECT, ev.client, p));
                    }
                    if (p.unknown) {
                        out.add(Operation.unknown(ev.client, ev.time, p.input));
                        events.add(new Event(answer + randomBelow(MAX_STEP), seq++, Kind.INVOKE, ev.client, null));
                    } else {
                        events.add(new Event(answer, seq++, Kind.ANSWER, ev.client, p));
                    }
                }
                case EFFECT -> {
                    ev.pending.output = register.apply(ev.pending.input, this);
                    if (ev.pending.output instanceof Written w) {
                        indices.add(w.index());
                    }
                }
                case ANSWER -> {
                    Pending p = ev.pending;
                    out.add(Operation.completed(p.client, p.invokedAt, ev.time, p.input, p.output));
                    if (p.output instanceof Found f) {
                        knownIndex[p.client] = f.index();
                    } else if (p.output instanceof Written w) {
                        knownIndex[p.client] = w.index();
                    }
                    events.add(new Event(ev.time + randomBelow(MAX_STEP / 2), seq++, Kind.INVOKE, p.client, null));
                }
            }
        }
    }

    private Input input(String job, Shape shape, long known, List<Long> indices) {
        if (random.nextDouble() < shape.readRate()) {
            return new Read(job);
        }
        long expect = random.nextInt(5) == 0 ? indices.get(random.nextInt(indices.size())) : known;
        return new Cas(job, job + "-v" + nextValue++, expect);
    }

    private long randomBelow(long bound) {
        return (long) (random.nextDouble() * bound);
    }

    /** Raft-like: indices grow by more than one, as other jobs' writes take entries too. */
    private long takeIndex() {
        nextIndex += 1 + random.nextInt(3);
        return nextIndex;
    }

    /** The register as a correct server holds it. */
    private static final class Register {
        private String value;
        private long index;

        Output apply(Input input, RegisterSimulator sim) {
            if (input instanceof Read) {
                return value == null ? JobRegisterModel.NOT_FOUND : new Found(value, index);
            }
            Cas cas = (Cas) input;
            boolean holds = value == null ? cas.expectedIndex() == 0 : cas.expectedIndex() == index;
            if (!holds) {
                return JobRegisterModel.CONFLICT;
            }
            value = cas.value();
            index = sim.takeIndex();
            return new Written(index);
        }
    }

    private enum Kind {
        INVOKE, EFFECT, ANSWER
    }

    private static final class Pending {
        final int client;
        final long invokedAt;
        final Input input;
        boolean unknown;
        Output output;

        Pending(int client, long invokedAt, Input input) {
            this.client = client;
            this.invokedAt = invokedAt;
            this.input = input;
        }
    }

    private record Event(long time, long seq, Kind kind, int client, Pending pending) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }
}

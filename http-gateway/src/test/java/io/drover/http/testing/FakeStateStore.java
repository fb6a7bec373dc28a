package io.drover.http.testing;

import io.drover.model.Job;
import io.drover.model.JobSummary;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-memory state store: every write makes a new immutable state at the next log index, so
 * readers see a point in time; waiters are woken on a thread of their own, never inside the
 * write, as the real store promises.
 */
public final class FakeStateStore implements StateStore, AutoCloseable {
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-store-notifier");
        t.setDaemon(true);
        return t;
    });
    private final List<Waiter> waiters = new ArrayList<>();
    private final AtomicInteger openReaders = new AtomicInteger();
    private final AtomicInteger readersOpened = new AtomicInteger();
    private final AtomicInteger jobListings = new AtomicInteger();
    private volatile State state = new State(new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(),
            new HashMap<>(), new TreeMap<>(), new TreeMap<>(), new EnumMap<>(Table.class), 0);
    private long lastIndex;

    private record State(TreeMap<String, Job> jobs, Map<String, List<Job>> versions,
            Map<String, JobSummary> summaries, TreeMap<String, Evaluation> evals, Map<String, ServerInfo> servers,
            TreeMap<String, Node> nodes, TreeMap<String, Allocation> allocs, EnumMap<Table, Long> indexes,
            long applied) {
        State copy() {
            return new State(new TreeMap<>(jobs), new HashMap<>(versions), new HashMap<>(summaries),
                    new TreeMap<>(evals), new HashMap<>(servers), new TreeMap<>(nodes), new TreeMap<>(allocs),
                    new EnumMap<>(indexes), applied);
        }
    }

    private record Waiter(Set<Table> tables, long index, CompletableFuture<Void> future) {
    }

    private static String key(String namespace, String id) {
        return namespace + "\u0000" + id;
    }

    /** Moves the log forward without changes, so the next write gets a larger index. */
    public synchronized void skipTo(long index) {
        lastIndex = Math.max(lastIndex, index);
    }

    /** Registers or updates a job (a new version each time), with its summary. Returns the index. */
    public synchronized long upsertJob(Job submitted) {
        long index = ++lastIndex;
        State next = state.copy();
        Job job = submitted.copy();
        String k = key(job.namespace, job.id);
        Job existing = next.jobs.get(k);
        job.createIndex = existing == null ? index : existing.createIndex;
        job.modifyIndex = index;
        job.jobModifyIndex = index;
        job.version = existing == null ? 0L : existing.version + 1;
        if (job.status == null || job.status.isEmpty()) {
            job.status = Job.STATUS_PENDING;
        }
        next.jobs.put(k, job);
        List<Job> versions = new ArrayList<>(next.versions.getOrDefault(k, List.of()));
        versions.add(0, job);
        next.versions.put(k, List.copyOf(versions));
        JobSummary summary = new JobSummary();
        summary.jobId = job.id;
        summary.namespace = job.namespace;
        if (job.taskGroups != null) {
            for (TaskGroup tg : job.taskGroups) {
                summary.summary.put(tg.name, new JobSummary.TaskGroupSummary());
            }
        }
        JobSummary old = next.summaries.get(k);
        summary.createIndex = old == null ? index : old.createIndex;
        summary.modifyIndex = index;
        next.summaries.put(k, summary);
        commit(next, index, Table.JOBS, Table.JOB_VERSIONS, Table.JOB_SUMMARIES);
        return index;
    }

    /** Removes a job with its versions and summary. */
    public synchronized long purgeJob(String namespace, String jobId) {
        long index = ++lastIndex;
        State next = state.copy();
        String k = key(namespace, jobId);
        next.jobs.remove(k);
        next.versions.remove(k);
        next.summaries.remove(k);
        commit(next, index, Table.JOBS, Table.JOB_VERSIONS, Table.JOB_SUMMARIES);
        return index;
    }

    public synchronized long upsertEval(Evaluation submitted) {
        long index = ++lastIndex;
        State next = state.copy();
        Evaluation eval = submitted.copy();
        Evaluation existing = next.evals.get(eval.id);
        eval.createIndex = existing == null ? index : existing.createIndex;
        eval.modifyIndex = index;
        next.evals.put(eval.id, eval);
        commit(next, index, Table.EVALS);
        return index;
    }

    public synchronized long upsertServer(ServerInfo server) {
        long index = ++lastIndex;
        State next = state.copy();
        next.servers.put(server.id(), server);
        commit(next, index, Table.SERVERS);
        return index;
    }

    /** Registers or updates a node, keeping its CreateIndex. Returns the index. */
    public synchronized long upsertNode(Node submitted) {
        long index = ++lastIndex;
        State next = state.copy();
        Node node = submitted.copy();
        Node existing = next.nodes.get(node.id);
        node.createIndex = existing == null ? index : existing.createIndex;
        node.modifyIndex = index;
        next.nodes.put(node.id, node);
        commit(next, index, Table.NODES);
        return index;
    }

    /**
     * Stores allocations as the plan applier or a node update would, each keeping its CreateIndex;
     * each carries the job it was placed for. Returns the index.
     */
    public synchronized long upsertAllocs(Allocation... submitted) {
        long index = ++lastIndex;
        State next = state.copy();
        for (Allocation a : submitted) {
            Allocation alloc = a.copy();
            Allocation existing = next.allocs.get(alloc.id);
            alloc.createIndex = existing == null ? index : existing.createIndex;
            alloc.modifyIndex = index;
            next.allocs.put(alloc.id, alloc);
        }
        commit(next, index, Table.ALLOCS);
        return index;
    }

    /** A write that moves the given tables' indexes without changing what they hold. */
    public synchronized long touch(Table... tables) {
        long index = ++lastIndex;
        commit(state.copy(), index, tables);
        return index;
    }

    private void commit(State next, long index, Table... tables) {
        for (Table t : tables) {
            next.indexes.put(t, index);
        }
        state = new State(next.jobs, next.versions, next.summaries, next.evals, next.servers, next.nodes,
                next.allocs, next.indexes, index);
        State now = state;
        List<Waiter> woken = new ArrayList<>();
        for (Waiter w : waiters) {
            if (above(now, w)) {
                woken.add(w);
            }
        }
        waiters.removeAll(woken);
        notifier.execute(() -> woken.forEach(w -> w.future.complete(null)));
    }

    private static boolean above(State s, Waiter w) {
        for (Table t : w.tables) {
            if (s.indexes.getOrDefault(t, 0L) > w.index) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized CompletableFuture<Void> awaitIndexAbove(Collection<Table> tables, long index) {
        Waiter w = new Waiter(Set.copyOf(tables), index, new CompletableFuture<>());
        if (above(state, w)) {
            w.future.complete(null);
            return w.future;
        }
        waiters.add(w);
        w.future.whenComplete((v, t) -> {
            if (t != null) {
                synchronized (FakeStateStore.this) {
                    waiters.remove(w);
                }
            }
        });
        return w.future;
    }

    /** Watches not yet woken or cancelled: what parked queries hold on the store. */
    public synchronized int waiterCount() {
        return waiters.size();
    }

    public int openReaders() {
        return openReaders.get();
    }

    public int readersOpened() {
        return readersOpened.get();
    }

    /** How many times a reader listed jobs. */
    public int jobListings() {
        return jobListings.get();
    }

    public long tableIndex(Table table) {
        return state.indexes.getOrDefault(table, 0L);
    }

    /** Every write here is a whole entry, so what waiters go by is the tables' index. */
    @Override
    public long publishedIndex(Table table) {
        return tableIndex(table);
    }

    @Override
    public StateReader reader() {
        openReaders.incrementAndGet();
        readersOpened.incrementAndGet();
        return new Reader(state);
    }

    @Override
    public void close() {
        notifier.shutdownNow();
    }

    private final class Reader implements StateReader {
        private final State s;
        private boolean closed;

        Reader(State s) {
            this.s = s;
        }

        @Override
        public long appliedIndex() {
            return s.applied;
        }

        @Override
        public long tableIndex(Table table) {
            return s.indexes.getOrDefault(table, 0L);
        }

        // Readers get copies, as the real store decodes each read afresh: routes may change them.

        @Override
        public Optional<Job> job(String namespace, String jobId) {
            return Optional.ofNullable(s.jobs.get(key(namespace, jobId))).map(Job::copy);
        }

        @Override
        public List<Job> jobs(String namespace, String prefix) {
            jobListings.incrementAndGet();
            List<Job> out = new ArrayList<>();
            for (Job j : s.jobs.values()) {
                if ((namespace.equals(ALL_NAMESPACES) || j.namespace.equals(namespace)) && j.id.startsWith(prefix)) {
                    out.add(j.copy());
                }
            }
            return out;
        }

        @Override
        public List<Job> jobVersions(String namespace, String jobId) {
            return s.versions.getOrDefault(key(namespace, jobId), List.of()).stream().map(Job::copy).toList();
        }

        @Override
        public Optional<Job> jobVersion(String namespace, String jobId, long version) {
            return jobVersions(namespace, jobId).stream().filter(j -> j.version == version).findFirst();
        }

        @Override
        public Optional<JobSummary> jobSummary(String namespace, String jobId) {
            return Optional.ofNullable(s.summaries.get(key(namespace, jobId))).map(JobSummary::copy);
        }

        @Override
        public Optional<Evaluation> evaluation(String evalId) {
            return Optional.ofNullable(s.evals.get(evalId)).map(Evaluation::copy);
        }

        @Override
        public List<Evaluation> evaluations(String namespace, String prefix) {
            List<Evaluation> out = new ArrayList<>();
            for (Evaluation e : s.evals.values()) {
                if ((namespace.equals(ALL_NAMESPACES) || e.namespace.equals(namespace)) && e.id.startsWith(prefix)) {
                    out.add(e.copy());
                }
            }
            return out;
        }

        @Override
        public List<Evaluation> evaluationsOfJob(String namespace, String jobId) {
            List<Evaluation> out = new ArrayList<>();
            for (Evaluation e : s.evals.values()) {
                if (e.namespace.equals(namespace) && e.jobId.equals(jobId)) {
                    out.add(e.copy());
                }
            }
            out.sort(Comparator.comparing(e -> e.createIndex));
            return out;
        }

        @Override
        public Optional<ServerInfo> server(String serverId) {
            return Optional.ofNullable(s.servers.get(serverId));
        }

        @Override
        public Optional<Node> node(String nodeId) {
            return Optional.ofNullable(s.nodes.get(nodeId)).map(Node::copy);
        }

        @Override
        public List<Node> nodes(String prefix) {
            List<Node> out = new ArrayList<>();
            for (Node n : s.nodes.values()) {
                if (n.id.startsWith(prefix)) {
                    out.add(n.copy());
                }
            }
            return out;
        }

        @Override
        public Optional<Allocation> allocation(String allocId) {
            return Optional.ofNullable(s.allocs.get(allocId)).map(Allocation::copy);
        }

        @Override
        public List<Allocation> allocations(String namespace, String prefix) {
            return allocs(a -> (namespace.equals(ALL_NAMESPACES) || a.namespace.equals(namespace))
                    && a.id.startsWith(prefix));
        }

        @Override
        public List<Allocation> allocationsOfJob(String namespace, String jobId, boolean any) {
            Job current = s.jobs.get(key(namespace, jobId));
            return allocs(a -> a.namespace.equals(namespace) && a.jobId.equals(jobId) && (any || current == null
                    || a.job == null || Objects.equals(a.job.createIndex, current.createIndex)));
        }

        @Override
        public List<Allocation> allocationsOfNode(String nodeId) {
            return allocs(a -> a.nodeId.equals(nodeId));
        }

        @Override
        public List<Allocation> allocationsOfEval(String evalId) {
            return allocs(a -> a.evalId.equals(evalId));
        }

        private List<Allocation> allocs(Predicate<Allocation> filter) {
            List<Allocation> out = new ArrayList<>();
            for (Allocation a : s.allocs.values()) {
                if (filter.test(a)) {
                    out.add(a.copy());
                }
            }
            return out;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                openReaders.decrementAndGet();
            }
        }
    }
}

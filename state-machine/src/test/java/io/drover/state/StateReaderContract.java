package io.drover.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.JobListStub;
import io.drover.model.JobSummary;
import io.drover.model.PeriodicConfig;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.testkit.fixtures.Commands;
import io.drover.testkit.fixtures.NodeAllocCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link StateReader} answers, whatever holds the state: the RocksDB store's snapshot
 * reader (production), the scheduler's in-memory state (scheduler tests, benchmarks), the job
 * overlay of plan dry runs, the HTTP gateway's fake store. Schedulers and routes are tested on
 * some and run on another, so they must agree.
 *
 * <p>Each implementation's test extends this class with a {@link Subject}: how that
 * implementation stores the same writes. The state built below has nodes, jobs with versions and
 * summaries, evaluations, allocations (one placed for an earlier registration of its job), a
 * periodic job, a scaling event and a server; a subject without one of those tables answers what
 * the interface's defaults answer.
 *
 * <p>The state is built once per class (a store takes a while to open) and no test changes it;
 * the one that writes does so on a state of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StateReaderContract {
    protected static final String NS = "default";

    /** Where the states live: one directory per class. */
    private Path dir;
    protected Subject subject;
    private final List<StateReader> opened = new ArrayList<>();

    /**
     * An implementation under test: it takes the writes the contract makes, each one write (one
     * index) as the Raft command it stands for would be, and opens views of what it holds.
     */
    public interface Subject extends AutoCloseable {
        void upsertNode(Node node);

        /** A job registration: a new version when the spec changed, with the job's summary. */
        void registerJob(Job job);

        /** Evaluations stored as given. */
        void upsertEvals(Evaluation... evals);

        /** Allocations stored as a plan commits them: each with the job it carries, else the job as registered now. */
        void placeAllocs(Allocation... allocs);

        default void recordScalingEvent(String namespace, String jobId, String group, String message) {
            throw new UnsupportedOperationException("this state holds no scaling events");
        }

        default void announceServer(ServerInfo server) {
            throw new UnsupportedOperationException("this state holds no servers");
        }

        /** A view of everything written so far. */
        StateReader reader();

        /** The tables this state holds; reads of the others answer the interface's defaults. */
        Set<Table> tables();

        /** Whether a view keeps showing the state it was opened on (false: a live view of a mutable state). */
        default boolean pointInTime() {
            return true;
        }

        @Override
        void close();
    }

    /** A new, empty state under {@code dir} (a directory of its own). */
    protected abstract Subject open(Path dir);

    @BeforeAll
    void build(@TempDir Path tempDir) {
        dir = tempDir;
        subject = open(dir.resolve("contract"));
        subject.upsertNode(NodeAllocCommands.node("node-b", "small"));
        subject.upsertNode(NodeAllocCommands.node("node-a", "small"));
        subject.upsertNode(NodeAllocCommands.node("other-1", "big"));
        subject.registerJob(Commands.job("web", "v0"));
        subject.registerJob(Commands.job("webhook", "1"));
        subject.registerJob(Commands.job("api", "1"));
        subject.registerJob(periodic("cron"));
        // Created in the order e-2, e-1: lists by ID and a job's evaluations by CreateIndex differ.
        subject.upsertEvals(eval("e-2", "web"));
        subject.upsertEvals(eval("e-1", "web"));
        subject.upsertEvals(eval("e-3", "api"));
        subject.upsertEvals(eval("e-4", "webhook"));
        Job v0 = job("web");
        subject.placeAllocs(alloc("a-2", v0, "node-a", "e-2", 0), alloc("a-1", v0, "node-b", "e-2", 1));
        subject.registerJob(Commands.job("web", "v1"));
        Job v1 = job("web");
        Allocation stopped = alloc("a-0", v1, "node-a", "e-1", 2);
        stopped.desiredStatus = Allocation.DESIRED_STOP;
        subject.placeAllocs(alloc("a-3", v1, "node-a", "e-1", 0), stopped);
        // Placed for a registration of "web" that was purged before the current one.
        Allocation earlier = alloc("a-9", v0, "node-b", "e-1", 3);
        earlier.job = v0.copy();
        earlier.job.createIndex = v0.createIndex + 1000;
        subject.placeAllocs(earlier);
        Evaluation done = eval("e-2", "web");
        done.status = Evaluation.STATUS_COMPLETE;
        subject.upsertEvals(done);
        Node changed = NodeAllocCommands.node("node-b", "small");
        changed.attributes.put("changed", "yes");
        subject.upsertNode(changed);
        if (holds(Table.SCALING_EVENT)) {
            subject.recordScalingEvent(NS, "web", "g", "scaled by hand");
        }
        if (holds(Table.SERVERS)) {
            subject.announceServer(new ServerInfo("s1", "server-1", "127.0.0.1:4647", "127.0.0.1:4648",
                    "127.0.0.1:4646"));
        }
    }

    @AfterEach
    void closeViews() {
        opened.forEach(StateReader::close);
        opened.clear();
    }

    @AfterAll
    void closeState() {
        subject.close();
    }

    /** A view, closed after the test. */
    protected StateReader reader() {
        StateReader r = subject.reader();
        opened.add(r);
        return r;
    }

    private boolean holds(Table table) {
        return subject.tables().contains(table);
    }

    // --- lookups

    @Test
    void aJobIsItsCurrentVersionAndItsVersionsComeNewestFirst() {
        StateReader r = reader();
        Job web = r.job(NS, "web").orElseThrow();
        assertThat(web.version).isEqualTo(1);
        assertThat(args(web)).containsExactly("v1");
        assertThat(web.createIndex).isLessThan(web.jobModifyIndex);
        assertThat(r.jobVersions(NS, "web")).extracting(j -> j.version).containsExactly(1L, 0L);
        assertThat(args(r.jobVersion(NS, "web", 0).orElseThrow())).containsExactly("v0");
        assertThat(r.jobVersion(NS, "web", 1).orElseThrow().jobModifyIndex).isEqualTo(web.jobModifyIndex);
        assertThat(r.jobVersions(NS, "api")).extracting(j -> j.version).containsExactly(0L);
    }

    @Test
    void everyRegisteredJobHasASummaryOfItsGroups() {
        StateReader r = reader();
        for (String id : List.of("web", "webhook", "api", "cron")) {
            JobSummary s = r.jobSummary(NS, id).orElseThrow();
            assertThat(s.jobId).isEqualTo(id);
            assertThat(s.namespace).isEqualTo(NS);
            assertThat(s.summary).containsKey("g");
        }
    }

    @Test
    void aNodeKeepsItsCreateIndexAcrossUpdates() {
        StateReader r = reader();
        Node b = r.node("node-b").orElseThrow();
        assertThat(b.attributes).containsEntry("changed", "yes");
        assertThat(b.createIndex).isLessThan(b.modifyIndex);
        Node a = r.node("node-a").orElseThrow();
        assertThat(a.createIndex).isEqualTo(a.modifyIndex);
    }

    @Test
    void anEvaluationKeepsItsCreateIndexAcrossUpdates() {
        Evaluation e = reader().evaluation("e-2").orElseThrow();
        assertThat(e.status).isEqualTo(Evaluation.STATUS_COMPLETE);
        assertThat(e.jobId).isEqualTo("web");
        assertThat(e.createIndex).isLessThan(e.modifyIndex);
    }

    @Test
    void anAllocationComesWithTheJobVersionItWasPlacedFor() {
        StateReader r = reader();
        Allocation a1 = r.allocation("a-1").orElseThrow();
        assertThat(a1.nodeId).isEqualTo("node-b");
        assertThat(a1.evalId).isEqualTo("e-2");
        assertThat(a1.job.version).isEqualTo(0);
        assertThat(args(a1.job)).containsExactly("v0");
        assertThat(a1.createIndex).isEqualTo(a1.modifyIndex);
        Allocation a3 = r.allocation("a-3").orElseThrow();
        assertThat(a3.job.version).isEqualTo(1);
        assertThat(a3.createIndex).isGreaterThan(a1.createIndex);
        assertThat(r.allocation("a-9").orElseThrow().job.createIndex)
                .isNotEqualTo(r.job(NS, "web").orElseThrow().createIndex);
        assertThat(r.allocations(NS, "")).allSatisfy(a -> assertThat(a.job).as(a.id).isNotNull());
    }

    @Test
    void aPeriodicJobIsListedWithItsLaunchWhereLaunchesAreKept() {
        StateReader r = reader();
        assertThat(r.periodicJobs()).extracting(j -> j.id).containsExactly("cron");
        if (holds(Table.PERIODIC_LAUNCH)) {
            assertThat(r.periodicLaunch(NS, "cron")).hasValueSatisfying(l -> {
                assertThat(l.id).isEqualTo("cron");
                assertThat(l.namespace).isEqualTo(NS);
            });
        } else {
            assertThat(r.periodicLaunch(NS, "cron")).isEmpty();
        }
        assertThat(r.periodicLaunch(NS, "web")).isEmpty();
    }

    @Test
    void scalingEventsAndServersWhereTheyAreKept() {
        StateReader r = reader();
        if (holds(Table.SCALING_EVENT)) {
            assertThat(r.scalingEvents(NS, "web").orElseThrow().of("g"))
                    .extracting(e -> e.message).containsExactly("scaled by hand");
        } else {
            assertThat(r.scalingEvents(NS, "web")).isEmpty();
        }
        assertThat(r.scalingEvents(NS, "api")).isEmpty();
        if (holds(Table.SERVERS)) {
            assertThat(r.server("s1")).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("server-1"));
        } else {
            assertThat(r.server("s1")).isEmpty();
        }
    }

    @Test
    void absentIdsAnswerEmpty() {
        StateReader r = reader();
        assertThat(r.job(NS, "nope")).isEmpty();
        assertThat(r.job("elsewhere", "web")).isEmpty();
        assertThat(r.jobVersions(NS, "nope")).isEmpty();
        assertThat(r.jobVersion(NS, "nope", 0)).isEmpty();
        assertThat(r.jobVersion(NS, "web", 7)).isEmpty();
        assertThat(r.jobSummary(NS, "nope")).isEmpty();
        assertThat(r.scalingEvents(NS, "nope")).isEmpty();
        assertThat(r.periodicLaunch(NS, "nope")).isEmpty();
        assertThat(r.evaluation("nope")).isEmpty();
        assertThat(r.evaluationsOfJob(NS, "nope")).isEmpty();
        assertThat(r.server("nope")).isEmpty();
        assertThat(r.node("nope")).isEmpty();
        assertThat(r.allocation("nope")).isEmpty();
        assertThat(r.allocationsOfJob(NS, "nope", true)).isEmpty();
        assertThat(r.allocationsOfJob(NS, "api", true)).isEmpty();
        assertThat(r.allocationsOfNode("nope")).isEmpty();
        assertThat(r.allocationsOfNode("nope", false)).isEmpty();
        assertThat(r.allocationsOfNodeModifiedAfter("nope", 0)).isEmpty();
        assertThat(r.allocationsOfNodeForFit("nope")).isEmpty();
        assertThat(r.allocationsOfNode("other-1")).isEmpty();
        assertThat(r.allocationsOfEval("nope")).isEmpty();
    }

    // --- lists: prefixes, namespaces, order

    @Test
    void jobsAreListedByNamespaceAndIdPrefixInIdOrder() {
        StateReader r = reader();
        assertThat(ids(r.jobs(NS, ""), j -> j.id)).containsExactly("api", "cron", "web", "webhook");
        assertThat(ids(r.jobs(StateReader.ALL_NAMESPACES, ""), j -> j.id))
                .containsExactly("api", "cron", "web", "webhook");
        assertThat(ids(r.jobs(NS, "web"), j -> j.id)).containsExactly("web", "webhook");
        assertThat(ids(r.jobs(NS, "webh"), j -> j.id)).containsExactly("webhook");
        assertThat(r.jobs(NS, "zzz")).isEmpty();
        assertThat(r.jobs("elsewhere", "")).isEmpty();
    }

    @Test
    void jobStubsAreTheListedJobsWithTheirSummaries() {
        StateReader r = reader();
        List<JobListStub> stubs = r.jobListStubs(NS, "");
        assertThat(ids(stubs, s -> s.id)).containsExactly("api", "cron", "web", "webhook");
        for (JobListStub stub : stubs) {
            Job job = r.job(NS, stub.id).orElseThrow();
            assertThat(stub.jobModifyIndex).as(stub.id).isEqualTo(job.jobModifyIndex);
            assertThat(stub.periodic).as(stub.id).isEqualTo(stub.id.equals("cron"));
            assertThat(stub.jobSummary).as(stub.id).isNotNull();
            assertThat(stub.jobSummary.jobId).isEqualTo(stub.id);
        }
        assertThat(ids(r.jobListStubs(StateReader.ALL_NAMESPACES, "web"), s -> s.id))
                .containsExactly("web", "webhook");
        assertThat(r.jobListStubs("elsewhere", "")).isEmpty();
    }

    @Test
    void evaluationsAreListedInIdOrderAndAJobsInCreateIndexOrder() {
        StateReader r = reader();
        assertThat(ids(r.evaluations(NS, ""), e -> e.id)).containsExactly("e-1", "e-2", "e-3", "e-4");
        assertThat(ids(r.evaluations(StateReader.ALL_NAMESPACES, "e-"), e -> e.id))
                .containsExactly("e-1", "e-2", "e-3", "e-4");
        assertThat(ids(r.evaluations(NS, "e-3"), e -> e.id)).containsExactly("e-3");
        assertThat(r.evaluations("elsewhere", "")).isEmpty();
        // The job's ID is a prefix of another's: only its own.
        assertThat(ids(r.evaluationsOfJob(NS, "web"), e -> e.id)).containsExactly("e-2", "e-1");
        assertThat(ids(r.evaluationsOfJob(NS, "webhook"), e -> e.id)).containsExactly("e-4");
    }

    @Test
    void nodesAreListedByIdPrefixInIdOrder() {
        StateReader r = reader();
        assertThat(ids(r.nodes(""), n -> n.id)).containsExactly("node-a", "node-b", "other-1");
        assertThat(ids(r.nodes("node-"), n -> n.id)).containsExactly("node-a", "node-b");
        assertThat(r.nodes("zzz")).isEmpty();
    }

    @Test
    void allocationsAreListedInIdOrder() {
        StateReader r = reader();
        assertThat(ids(r.allocations(NS, ""), a -> a.id)).containsExactly("a-0", "a-1", "a-2", "a-3", "a-9");
        assertThat(ids(r.allocations(StateReader.ALL_NAMESPACES, ""), a -> a.id))
                .containsExactly("a-0", "a-1", "a-2", "a-3", "a-9");
        assertThat(ids(r.allocations(NS, "a-1"), a -> a.id)).containsExactly("a-1");
        assertThat(r.allocations("elsewhere", "")).isEmpty();
        assertThat(ids(r.allocationsOfEval("e-2"), a -> a.id)).containsExactly("a-1", "a-2");
        assertThat(ids(r.allocationsOfEval("e-1"), a -> a.id)).containsExactly("a-0", "a-3", "a-9");
    }

    @Test
    void aJobsAllocationsAreThoseOfItsCurrentRegistrationUnlessAnyIsAsked() {
        StateReader r = reader();
        assertThat(ids(r.allocationsOfJob(NS, "web", true), a -> a.id))
                .containsExactly("a-0", "a-1", "a-2", "a-3", "a-9");
        assertThat(ids(r.allocationsOfJob(NS, "web", false), a -> a.id)).containsExactly("a-0", "a-1", "a-2", "a-3");
        assertThat(r.allocationsOfJob(NS, "webhook", true)).isEmpty();
    }

    @Test
    void aNodesAllocationsByTerminalStatusAndByModifyIndex() {
        StateReader r = reader();
        assertThat(ids(r.allocationsOfNode("node-a"), a -> a.id)).containsExactly("a-0", "a-2", "a-3");
        assertThat(ids(r.allocationsOfNode("node-a", true), a -> a.id)).containsExactly("a-0");
        assertThat(ids(r.allocationsOfNode("node-a", false), a -> a.id)).containsExactly("a-2", "a-3");
        assertThat(ids(r.allocationsOfNode("node-b"), a -> a.id)).containsExactly("a-1", "a-9");
        long a2 = r.allocation("a-2").orElseThrow().modifyIndex;
        assertThat(ids(r.allocationsOfNodeModifiedAfter("node-a", 0), a -> a.id))
                .containsExactly("a-0", "a-2", "a-3");
        assertThat(ids(r.allocationsOfNodeModifiedAfter("node-a", a2), a -> a.id)).containsExactly("a-0", "a-3");
        assertThat(r.allocationsOfNodeModifiedAfter("node-a", r.appliedIndex())).isEmpty();
    }

    @Test
    void aNodesAllocationsForFitAreItsLiveOnesWithWhatFitChecksRead() {
        StateReader r = reader();
        List<Allocation> live = r.allocationsOfNode("node-a", false);
        List<Allocation> forFit = r.allocationsOfNodeForFit("node-a");
        assertThat(ids(forFit, a -> a.id)).containsExactly("a-2", "a-3");
        for (int i = 0; i < live.size(); i++) {
            Allocation full = live.get(i);
            Allocation fit = forFit.get(i);
            // What fit checks read is all there; task states and metrics may be left out.
            assertThat(List.of(fit.namespace, fit.jobId, fit.taskGroup, fit.nodeId, fit.desiredStatus,
                    fit.clientStatus)).as(fit.id).isEqualTo(List.of(full.namespace, full.jobId, full.taskGroup,
                    full.nodeId, full.desiredStatus, full.clientStatus));
            assertThat(NomadJson.write(fit.allocatedResources)).as(fit.id)
                    .isEqualTo(NomadJson.write(full.allocatedResources));
            assertThat(fit.modifyIndex).isEqualTo(full.modifyIndex);
            assertThat(fit.job).as(fit.id + "'s job").isNotNull();
            assertThat(fit.job.jobModifyIndex).isEqualTo(full.job.jobModifyIndex);
            assertThat(fit.terminalStatus()).isFalse();
        }
    }

    // --- indexes

    @Test
    void aTablesIndexIsTheModifyIndexOfItsLastWrite() {
        StateReader r = reader();
        List<Job> jobs = r.jobs(StateReader.ALL_NAMESPACES, "");
        assertThat(r.tableIndex(Table.NODES)).isEqualTo(max(r.nodes(""), n -> n.modifyIndex)).isPositive();
        assertThat(r.tableIndex(Table.JOBS)).isEqualTo(max(jobs, j -> j.modifyIndex));
        assertThat(r.tableIndex(Table.JOB_VERSIONS)).isEqualTo(max(jobs, j -> j.jobModifyIndex));
        assertThat(r.tableIndex(Table.JOB_SUMMARIES))
                .isEqualTo(max(jobs, j -> r.jobSummary(j.namespace, j.id).orElseThrow().modifyIndex));
        assertThat(r.tableIndex(Table.EVALS))
                .isEqualTo(max(r.evaluations(StateReader.ALL_NAMESPACES, ""), e -> e.modifyIndex));
        assertThat(r.tableIndex(Table.ALLOCS))
                .isEqualTo(max(r.allocations(StateReader.ALL_NAMESPACES, ""), a -> a.modifyIndex));
        if (holds(Table.PERIODIC_LAUNCH)) {
            assertThat(r.tableIndex(Table.PERIODIC_LAUNCH))
                    .isEqualTo(r.periodicLaunch(NS, "cron").orElseThrow().modifyIndex);
        }
        if (holds(Table.SCALING_EVENT)) {
            assertThat(r.tableIndex(Table.SCALING_EVENT))
                    .isEqualTo(r.scalingEvents(NS, "web").orElseThrow().modifyIndex);
        }
        if (holds(Table.SERVERS)) {
            assertThat(r.tableIndex(Table.SERVERS)).isPositive();
        }
    }

    @Test
    void tablesNeverWrittenOrNotHeldAreAtIndexZero() {
        StateReader r = reader();
        assertThat(r.tableIndex(Table.DEPLOYMENTS)).isZero();
        assertThat(r.tableIndex(Table.READ_BARRIER)).isZero();
        for (Table t : Table.values()) {
            if (!holds(t)) {
                assertThat(r.tableIndex(t)).as(t.nomadName()).isZero();
            }
        }
    }

    @Test
    void theAppliedIndexIsTheLastWritesAndMaxIndexTheHighestAsked() {
        StateReader r = reader();
        long max = r.maxIndex(Table.values());
        assertThat(r.appliedIndex()).isEqualTo(max);
        for (Table t : Table.values()) {
            assertThat(r.tableIndex(t)).as(t.nomadName()).isLessThanOrEqualTo(r.appliedIndex());
        }
        assertThat(r.maxIndex(Table.NODES, Table.EVALS))
                .isEqualTo(Math.max(r.tableIndex(Table.NODES), r.tableIndex(Table.EVALS)));
        assertThat(r.maxIndex()).isZero();
    }

    @Test
    void aViewKeepsShowingTheStateItWasOpenedOnUnlessItIsALiveView() {
        try (Subject own = open(dir.resolve("point-in-time"))) {
            own.registerJob(Commands.job("web", "v0"));
            own.upsertNode(NodeAllocCommands.node("node-a", "small"));
            StateReader before = own.reader();
            long applied = before.appliedIndex();
            own.upsertNode(NodeAllocCommands.node("node-z", "small"));

            if (!subject.pointInTime()) {
                // A live view (MemoryState, driven by one benchmark thread) sees each write at once.
                assertThat(before.node("node-z")).isPresent();
                assertThat(before.appliedIndex()).isGreaterThan(applied);
                before.close();
                return;
            }
            assertThat(before.node("node-z")).isEmpty();
            assertThat(before.appliedIndex()).isEqualTo(applied);
            StateReader after = own.reader();
            assertThat(after.node("node-z")).isPresent();
            assertThat(after.appliedIndex()).isGreaterThan(applied);
            assertThat(after.tableIndex(Table.NODES)).isEqualTo(after.appliedIndex());
            before.close();
            after.close();
        }
    }

    // --- what callers may do with what they read

    @Test
    void jobsReadAreTheCallersToChange() {
        assertCallersOwn("job", r -> r.job(NS, "web").orElseThrow(), j -> {
            j.priority = 1;
            j.taskGroups.get(0).count = 99;
        });
        assertCallersOwn("jobs", r -> r.jobs(NS, ""), l -> l.forEach(j -> j.status = "changed"));
        assertCallersOwn("job versions", r -> r.jobVersions(NS, "web"), l -> l.forEach(j -> j.priority = 1));
        assertCallersOwn("job version", r -> r.jobVersion(NS, "web", 0).orElseThrow(), j -> j.priority = 1);
        assertCallersOwn("periodic jobs", r -> r.periodicJobs(), l -> l.forEach(j -> j.periodic.enabled = false));
        assertCallersOwn("job stubs", r -> r.jobListStubs(NS, ""), l -> l.forEach(s -> {
            s.status = "changed";
            s.jobSummary.summary.clear();
        }));
        assertCallersOwn("summary", r -> r.jobSummary(NS, "web").orElseThrow(), s -> s.summary.get("g").running = 99);
    }

    @Test
    void evaluationsAndNodesReadAreTheCallersToChange() {
        assertCallersOwn("evaluation", r -> r.evaluation("e-1").orElseThrow(), e -> e.status = "changed");
        assertCallersOwn("evaluations", r -> r.evaluations(NS, ""), l -> l.forEach(e -> e.status = "changed"));
        assertCallersOwn("job's evaluations", r -> r.evaluationsOfJob(NS, "web"),
                l -> l.forEach(e -> e.status = "changed"));
        assertCallersOwn("node", r -> r.node("node-a").orElseThrow(), n -> {
            n.status = Node.STATUS_DOWN;
            n.attributes.put("changed", "yes");
        });
        assertCallersOwn("nodes", r -> r.nodes(""), l -> l.forEach(n -> n.status = Node.STATUS_DOWN));
    }

    @Test
    void allocationsReadAreTheCallersToChangeButNotTheirJobs() {
        Consumer<Allocation> change = a -> {
            a.clientStatus = Allocation.CLIENT_FAILED;
            a.allocatedResources.tasks.clear();
            a.desiredDescription = "changed";
        };
        assertCallersOwn("allocation", r -> r.allocation("a-1").orElseThrow(), change);
        assertCallersOwn("allocations", r -> r.allocations(NS, ""), l -> l.forEach(change));
        assertCallersOwn("job's allocations", r -> r.allocationsOfJob(NS, "web", true), l -> l.forEach(change));
        assertCallersOwn("node's allocations", r -> r.allocationsOfNode("node-a"), l -> l.forEach(change));
        assertCallersOwn("node's live allocations", r -> r.allocationsOfNode("node-a", false),
                l -> l.forEach(change));
        assertCallersOwn("node's allocations for fit checks", r -> r.allocationsOfNodeForFit("node-a"),
                l -> l.forEach(change));
        assertCallersOwn("node's changed allocations", r -> r.allocationsOfNodeModifiedAfter("node-a", 0),
                l -> l.forEach(change));
        assertCallersOwn("evaluation's allocations", r -> r.allocationsOfEval("e-1"), l -> l.forEach(change));
    }

    @Test
    void launchesAndScalingEventsReadAreTheCallersToChange() {
        if (holds(Table.PERIODIC_LAUNCH)) {
            assertCallersOwn("launch", r -> r.periodicLaunch(NS, "cron").orElseThrow(), l -> l.launch = 1);
        }
        if (holds(Table.SCALING_EVENT)) {
            assertCallersOwn("scaling events", r -> r.scalingEvents(NS, "web").orElseThrow(),
                    e -> e.scalingEvents.clear());
        }
    }

    /**
     * Changes what {@code read} returns and checks that neither the same view nor a new one
     * answers the change.
     */
    private <T> void assertCallersOwn(String what, Function<StateReader, T> read, Consumer<T> change) {
        StateReader r = reader();
        T first = read.apply(r);
        String before = json(first);
        change.accept(first);
        assertThat(json(first)).as("%s: the change was made", what).isNotEqualTo(before);
        assertThat(json(read.apply(r))).as("%s read again from the same view", what).isEqualTo(before);
        assertThat(json(read.apply(reader()))).as("%s read from a new view", what).isEqualTo(before);
    }

    // --- the state's pieces

    private Job job(String id) {
        return reader().job(NS, id).orElseThrow();
    }

    private static Job periodic(String id) {
        Job job = Commands.job(id, "1");
        job.periodic = new PeriodicConfig();
        job.periodic.enabled = true;
        job.periodic.specType = PeriodicConfig.SPEC_CRON;
        job.periodic.spec = "*/5 * * * *";
        job.submitTime = 1_700_000_000_000_000_000L;
        return job;
    }

    private static Evaluation eval(String id, String jobId) {
        Job job = new Job();
        job.id = jobId;
        job.namespace = NS;
        job.priority = 50;
        job.type = Job.TYPE_BATCH;
        Evaluation e = Commands.eval(job, Evaluation.TRIGGER_JOB_REGISTER, 1_000);
        e.id = id;
        return e;
    }

    /** An allocation of {@code job}'s group placed without its job, as a plan carries it. */
    private static Allocation alloc(String id, Job job, String nodeId, String evalId, int index) {
        Allocation a = NodeAllocCommands.placement(job, NodeAllocCommands.node(nodeId, "small"), evalId, index, 1_000);
        a.id = id;
        a.job = null;
        return a;
    }

    @SuppressWarnings("unchecked")
    private static List<String> args(Job job) {
        return (List<String>) job.taskGroups.get(0).tasks.get(0).config.get("args");
    }

    private static <T> List<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).toList();
    }

    private static <T> long max(List<T> items, ToLongFunction<T> index) {
        return items.stream().mapToLong(index).max().orElse(0);
    }

    private static String json(Object o) {
        return new String(NomadJson.write(o), StandardCharsets.UTF_8);
    }
}

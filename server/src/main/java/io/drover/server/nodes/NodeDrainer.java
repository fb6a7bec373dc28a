package io.drover.server.nodes;

import com.google.protobuf.ByteString;
import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.DesiredTransition;
import io.drover.model.json.GoTime;
import io.drover.model.json.NomadJson;
import io.drover.model.node.DrainStrategy;
import io.drover.model.node.Node;
import io.drover.model.node.NodeEvent;
import io.drover.model.scheduling.Evaluation;
import io.drover.proto.raft.AllocDesiredTransitionCommand;
import io.drover.proto.raft.NodeDrainCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.server.leader.NodeEvals;
import io.drover.server.leader.Stamps;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's node drainer (Nomad's nomad/drainer): for every draining node, marks its
 * allocations to migrate, a task group at a time within its {@code migrate.max_parallel}
 * (as many as leave {@code count - max_parallel} running allocations of the group), batch
 * allocations only at the deadline, system allocations last unless ignored; at the deadline
 * everything left; and ends the drain once nothing is left to move. Each pass reads the state
 * afresh, so a new leader simply carries on.
 */
public final class NodeDrainer {
    private static final Logger LOG = LoggerFactory.getLogger(NodeDrainer.class);
    static final String EVENT_DRAIN_COMPLETE = "Node drain complete";

    private final StateStore state;
    private final Stamps stamps;
    private final Function<RaftCommand, CompletableFuture<WriteResult>> raft;

    public NodeDrainer(StateStore state, Stamps stamps, Function<RaftCommand, CompletableFuture<WriteResult>> raft) {
        this.state = state;
        this.stamps = stamps;
        this.raft = raft;
    }

    /** One pass over the draining nodes; returns the commands it submitted (for tests). */
    public List<RaftCommand> pass() {
        List<RaftCommand> commands = new ArrayList<>();
        long now = stamps.nowNanos();
        Instant at = GoTime.fromUnixNanos(now);
        try (StateReader reader = state.reader()) {
            List<Allocation> toMigrate = new ArrayList<>();
            for (Node node : reader.nodes("")) {
                if (node.drainStrategy == null) {
                    continue;
                }
                NodePlan plan = planNode(reader, node, at);
                toMigrate.addAll(plan.migrate);
                if (plan.done) {
                    commands.add(complete(node, now));
                }
            }
            if (!toMigrate.isEmpty()) {
                commands.add(0, migrate(toMigrate, now));
            }
        }
        // Waits for each write, so the next pass sees what this one did and marks nothing twice.
        for (RaftCommand c : commands) {
            try {
                WriteResult r = raft.apply(c).get(10, java.util.concurrent.TimeUnit.SECONDS);
                if (r.getCode() != WriteResult.Code.OK) {
                    LOG.warn("a node drain write was refused: {}", r.getError());
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("a node drain write failed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return commands;
    }

    private record NodePlan(List<Allocation> migrate, boolean done) {
    }

    private NodePlan planNode(StateReader reader, Node node, Instant now) {
        DrainStrategy strategy = node.drainStrategy;
        DrainStrategy.Deadline deadline = strategy.deadlineTime();
        boolean forced = !deadline.infinite() && (deadline.forcedAt() == null || !now.isBefore(deadline.forcedAt()));
        boolean ignoreSystem = Boolean.TRUE.equals(strategy.ignoreSystemJobs);
        List<Allocation> live = new ArrayList<>();
        List<Allocation> system = new ArrayList<>();
        for (Allocation a : reader.allocationsOfNode(node.id)) {
            if (a.terminalStatus()) {
                continue;
            }
            if (a.job != null && Job.TYPE_SYSTEM.equals(a.job.type)) {
                system.add(a);
            } else {
                live.add(a);
            }
        }
        List<Allocation> migrate = new ArrayList<>();
        if (forced) {
            live.stream().filter(a -> !shouldMigrate(a)).forEach(migrate::add);
        } else {
            migrate.addAll(withinMaxParallel(reader, live));
        }
        if (live.isEmpty() && !ignoreSystem) {
            system.stream().filter(a -> !shouldMigrate(a)).forEach(migrate::add);
        }
        boolean done = live.isEmpty() && (ignoreSystem || system.isEmpty());
        return new NodePlan(migrate, done);
    }

    /**
     * Nomad's handleTaskGroup: of a group's allocations on draining nodes, migrate as many as
     * keep {@code count - max_parallel} of the group running; batch allocations wait for the
     * deadline. Running stands in for deployment health, which this server does not track.
     */
    private List<Allocation> withinMaxParallel(StateReader reader, List<Allocation> onNode) {
        Map<String, List<Allocation>> byGroup = new LinkedHashMap<>();
        for (Allocation a : onNode) {
            if (a.job == null || Job.TYPE_BATCH.equals(a.job.type) || shouldMigrate(a)) {
                continue;
            }
            byGroup.computeIfAbsent(a.namespace + '\0' + a.jobId + '\0' + a.taskGroup, k -> new ArrayList<>()).add(a);
        }
        List<Allocation> out = new ArrayList<>();
        for (List<Allocation> drainable : byGroup.values()) {
            Allocation first = drainable.get(0);
            TaskGroup group = first.job.lookupTaskGroup(first.taskGroup);
            if (group == null) {
                out.addAll(drainable);
                continue;
            }
            int maxParallel = group.migrate == null || group.migrate.maxParallel == null ? 1 : group.migrate.maxParallel;
            int count = group.count == null ? 0 : group.count;
            int healthy = 0;
            for (Allocation a : reader.allocationsOfJob(first.namespace, first.jobId, false)) {
                if (a.taskGroup.equals(first.taskGroup) && !a.terminalStatus()
                        && Allocation.CLIENT_RUNNING.equals(a.clientStatus)) {
                    healthy++;
                }
            }
            int n = Math.min(drainable.size(), healthy - (count - maxParallel));
            if (n > 0) {
                out.addAll(drainable.subList(0, n));
            }
        }
        return out;
    }

    private static boolean shouldMigrate(Allocation a) {
        return a.desiredTransition != null && a.desiredTransition.shouldMigrate();
    }

    private RaftCommand migrate(List<Allocation> allocs, long now) {
        AllocDesiredTransitionCommand.Builder b = AllocDesiredTransitionCommand.newBuilder();
        DesiredTransition t = new DesiredTransition();
        t.migrate = true;
        ByteString transition = json(t);
        Set<String> jobs = new LinkedHashSet<>();
        for (Allocation a : allocs) {
            b.putTransitionsJson(a.id, transition);
            if (jobs.add(a.namespace + '\0' + a.jobId)) {
                Job job = a.job;
                Evaluation e = NodeEvals.eval(a.namespace, a.jobId, job == null ? null : job.priority,
                        job == null ? Job.TYPE_SERVICE : job.type, null, Evaluation.TRIGGER_NODE_DRAIN, now, stamps);
                b.addEvalJson(json(e));
            }
        }
        return RaftCommand.newBuilder().setLeaderTimeUnixNanos(now).setAllocDesiredTransition(b).build();
    }

    /** The drain is over: the strategy goes, the node stays ineligible (Nomad's drain complete). */
    private RaftCommand complete(Node node, long now) {
        NodeDrainCommand drain = NodeDrainCommand.newBuilder()
                .setNodeId(node.id)
                .setUpdatedAtUnix(now / 1_000_000_000L)
                .setEventJson(json(new NodeEvent(NodeEvent.SUBSYSTEM_DRAIN, EVENT_DRAIN_COMPLETE,
                        GoTime.fromUnixNanos(now))))
                .build();
        return RaftCommand.newBuilder().setLeaderTimeUnixNanos(now).setNodeDrain(drain).build();
    }

    private static ByteString json(Object value) {
        return ByteString.copyFrom(NomadJson.write(value));
    }
}

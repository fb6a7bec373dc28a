package io.drover.server.cluster;

import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.ServerAnnounceCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.raft.LeaderListener;
import io.drover.server.gc.GarbageCollector;
import io.drover.server.leader.LeaderEndpoint;
import io.drover.server.nodes.Heartbeats;
import io.drover.server.nodes.NodeDrainer;
import io.drover.server.scheduling.PeriodicDispatcher;
import io.drover.server.scheduling.SchedulingService;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs only on the leader, started when this server becomes leader and stopped when it
 * stops being one: announcing where the leader can be reached (so followers can forward to
 * it), scheduling (broker, workers, plan applier), nodes' heartbeat timers and the node
 * drainer, and the periodic garbage collector. Each is restored from the replicated state when
 * leadership begins.
 */
public final class LeaderServices implements LeaderListener {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderServices.class);

    private static final long PERIODIC_MAX_WAIT_MILLIS = 1000;

    private final LeaderEndpoint leader;
    private final ServerAnnounceCommand self;
    private final ClusterBridge cluster;
    private final ScheduledExecutorService executor;
    private final StateStore state;
    private final SchedulingService scheduling;
    private final Heartbeats heartbeats;
    private final NodeDrainer drainer;
    private final GarbageCollector gc;
    private volatile boolean leading;
    private volatile boolean restorePeriodic = true;
    private final PeriodicDispatcher periodic;
    private ScheduledFuture<?> drainerTicks;
    private ScheduledFuture<?> gcTicks;
    private ScheduledFuture<?> periodicTicks;
    /** Which chain of periodic passes is current: a pass of an older term does not schedule another. */
    private volatile long periodicTerm;

    public LeaderServices(LeaderEndpoint leader, ServerAnnounceCommand self, ClusterBridge cluster,
            ScheduledExecutorService executor, StateStore state, SchedulingService scheduling, Heartbeats heartbeats,
            NodeDrainer drainer, GarbageCollector gc, PeriodicDispatcher periodic) {
        this.leader = leader;
        this.self = self;
        this.cluster = cluster;
        this.executor = executor;
        this.state = state;
        this.scheduling = scheduling;
        this.heartbeats = heartbeats;
        this.drainer = drainer;
        this.gc = gc;
        this.periodic = periodic;
    }

    @Override
    public void onLeaderReady() {
        leading = true;
        LOG.info("this server ({}) is now the leader", self.getServerId());
        executor.execute(this::announce);
        executor.execute(this::startServices);
    }

    @Override
    public void onNotLeader() {
        if (leading) {
            LOG.info("this server ({}) is no longer the leader", self.getServerId());
        }
        leading = false;
        executor.execute(this::stopServices);
    }

    private synchronized void startServices() {
        if (!leading) {
            return;
        }
        try (StateReader reader = state.reader()) {
            heartbeats.enable(reader.nodes(""));
        }
        scheduling.start();
        if (drainerTicks == null) {
            drainerTicks = executor.scheduleWithFixedDelay(this::drainPass, 1, 1, TimeUnit.SECONDS);
        }
        if (gcTicks == null) {
            long every = gc.thresholds().interval().toMillis();
            gcTicks = executor.scheduleWithFixedDelay(this::gcPass, every, every, TimeUnit.MILLISECONDS);
        }
        if (periodicTicks == null) {
            long term = ++periodicTerm;
            periodicTicks = executor.schedule(() -> periodicPass(term), 0, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void stopServices() {
        if (leading) {
            return;
        }
        heartbeats.disable();
        scheduling.stop();
        if (drainerTicks != null) {
            drainerTicks.cancel(false);
            drainerTicks = null;
        }
        if (gcTicks != null) {
            gcTicks.cancel(false);
            gcTicks = null;
        }
        if (periodicTicks != null) {
            periodicTicks.cancel(false);
            periodicTicks = null;
            periodicTerm++;
            restorePeriodic = true;
        }
    }

    /**
     * The first pass of a term restores from the launch records; later ones launch what is due.
     * Each pass schedules the next one for the earliest launch due (at most a second away, so new
     * jobs are seen), unless leadership was lost meanwhile.
     */
    private void periodicPass(long term) {
        if (!leading || term != periodicTerm) {
            return;
        }
        try {
            if (restorePeriodic) {
                periodic.restore();
                restorePeriodic = false;
            }
            periodic.pass();
        } catch (RuntimeException e) {
            LOG.warn("a periodic launch pass failed: {}", e.toString());
        }
        long wait = periodic.millisUntilNextPass(PERIODIC_MAX_WAIT_MILLIS);
        synchronized (this) {
            if (leading && term == periodicTerm) {
                periodicTicks = executor.schedule(() -> periodicPass(term), wait, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void drainPass() {
        if (!leading) {
            return;
        }
        try {
            drainer.pass();
        } catch (RuntimeException e) {
            LOG.warn("a node drain pass failed: {}", e.toString());
        }
    }

    private void gcPass() {
        if (!leading) {
            return;
        }
        try {
            gc.pass().ifPresent(done -> done.whenComplete((r, e) -> {
                if (e != null || r.getCode() != WriteResult.Code.OK) {
                    LOG.warn("a garbage collection failed: {}", e != null ? e.toString() : r.getError());
                }
            }));
        } catch (RuntimeException e) {
            LOG.warn("a garbage collection pass failed: {}", e.toString());
        }
    }

    @Override
    public void onLeaderChanged(String leaderId) {
        if (leaderId == null) {
            LOG.info("no known leader");
        } else if (!leaderId.equals(self.getServerId())) {
            LOG.info("the leader is {}", leaderId);
        }
        cluster.leaderChanged();
    }

    private void announce() {
        if (!leading) {
            return;
        }
        leader.submit(RaftCommand.newBuilder().setServerAnnounce(self).build()).whenComplete((r, e) -> {
            if (e == null && r.getCode() == WriteResult.Code.OK) {
                return;
            }
            if (leading) {
                LOG.warn("announcing this leader failed ({}); retrying", e != null ? e : r.getError());
                executor.schedule(this::announce, 100, TimeUnit.MILLISECONDS);
            }
        });
    }
}

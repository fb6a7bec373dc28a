package io.drover.server.cluster;

import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.ServerAnnounceCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.raft.LeaderListener;
import io.drover.server.leader.LeaderEndpoint;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs only on the leader, started when this server becomes leader and stopped when it
 * stops being one. Today: announcing where the leader can be reached, so followers can
 * forward to it.
 */
public final class LeaderServices implements LeaderListener {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderServices.class);

    private final LeaderEndpoint leader;
    private final ServerAnnounceCommand self;
    private final ClusterBridge cluster;
    private final ScheduledExecutorService executor;
    private volatile boolean leading;

    public LeaderServices(LeaderEndpoint leader, ServerAnnounceCommand self, ClusterBridge cluster,
            ScheduledExecutorService executor) {
        this.leader = leader;
        this.self = self;
        this.cluster = cluster;
        this.executor = executor;
    }

    @Override
    public void onLeaderReady() {
        leading = true;
        LOG.info("this server ({}) is now the leader", self.getServerId());
        executor.execute(this::announce);
    }

    @Override
    public void onNotLeader() {
        if (leading) {
            LOG.info("this server ({}) is no longer the leader", self.getServerId());
        }
        leading = false;
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

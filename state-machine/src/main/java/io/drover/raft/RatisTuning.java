package io.drover.raft;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * The Ratis settings Drover runs with, in one place so servers and tests agree. Each departs
 * from Ratis's default for a measured reason noted beside it.
 */
public final class RatisTuning {
    private static final int INSTALL_SNAPSHOT_WINDOW = 16;
    private static final String INSTALL_SNAPSHOT_CHUNK = "1MB";
    private static final Duration INSTALL_SNAPSHOT_STREAM_TIMEOUT = Duration.ofSeconds(10);
    private RatisTuning() {
    }

    /**
     * @param snapshotThreshold log entries between automatic snapshots (0: never automatically)
     * @param segmentSize the size at which log segments roll (and become purgeable)
     */
    public static void apply(RaftProperties p, Duration electionMin, Duration electionMax, long snapshotThreshold,
            SizeInBytes segmentSize) {
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, millis(electionMin.toMillis()));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, millis(electionMax.toMillis()));
        // Indexes are what users see: without metadata entries only each term's first entry leaves a gap.
        RaftServerConfigKeys.Log.setLogMetadataEnabled(p, false);
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, segmentSize);
        RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf(Math.min(segmentSize.getSize(), 1 << 20)));
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
        // Ratis keeps closed log segments in memory for followers that lag; two are plenty for
        // followers that keep up, and a lagging one gets a snapshot anyway.
        RaftServerConfigKeys.Log.setSegmentCacheNumMax(p, 2);
        RaftServerConfigKeys.Log.setSegmentCacheSizeMax(p, SizeInBytes.valueOf("32MB"));
        RaftServerConfigKeys.Log.setPurgeGap(p, 1);
        // A small write must not wait for a batch to fill before it is sent to followers.
        RaftServerConfigKeys.Log.Appender.setWaitTimeMin(p, TimeDuration.ZERO);
        RaftServerConfigKeys.Log.Appender.setSnapshotChunkSizeMax(p, SizeInBytes.valueOf(INSTALL_SNAPSHOT_CHUNK));
        // While a follower does not answer, the leader's appender for it blocks once this many
        // chunks are outstanding, and gives up on the install stream only after window x request
        // timeout (Ratis's default 8 x 3 s held it ~20 s; 64 x 3 s held it over three minutes
        // after a follower was killed mid-install). Every outstanding chunk is on the leader's
        // heap: 128 chunks of 4 MB ran a leader out of its 512 MB heap installing a large
        // checkpoint (both found by the fault suite). So: 16 chunks of 1 MB, and a stream that
        // fails after ~10 s without answers.
        GrpcConfigKeys.Server.setInstallSnapshotRequestElementLimit(p, INSTALL_SNAPSHOT_WINDOW);
        GrpcConfigKeys.Server.setInstallSnapshotRequestTimeout(p,
                millis(INSTALL_SNAPSHOT_STREAM_TIMEOUT.toMillis() / INSTALL_SNAPSHOT_WINDOW));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, snapshotThreshold > 0);
        if (snapshotThreshold > 0) {
            RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, snapshotThreshold);
        }
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        // Ratis shuts a server's Raft down for good after a JVM pause longer than this (its
        // JvmPauseMonitor), while the rest of the process runs on: a zombie. A pause is no reason
        // to stop: once it ends the server hears the current term and catches up, and a leader
        // paused past the step-down wait steps down. So only a pause of a day counts, and
        // RaftLiveness exits the process loudly if Raft stops anyway.
        RaftServerConfigKeys.setCloseThreshold(p, TimeDuration.valueOf(1, TimeUnit.DAYS));
    }

    private static TimeDuration millis(long ms) {
        return TimeDuration.valueOf(ms, TimeUnit.MILLISECONDS);
    }
}

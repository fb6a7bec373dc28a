package io.drover.server.cluster;

import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.ServerAnnounceRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.raft.LeaderListener;
import io.drover.server.scheduling.Timers;
import io.drover.state.ServerInfo;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this server's announcement (its name and its Raft, RPC and HTTP addresses) in the
 * replicated state, so every server can name it in the Raft configuration as Nomad's servers
 * name each other (Nomad learns the names from Serf; Drover has no Serf). A leader announces
 * itself ({@link LeaderServices}); every other server sends its announcement through the normal
 * write path once it knows a leader, and again after each leader change, but only when the
 * record stored differs from what it would announce: a restart with the same addresses, or a
 * leader change, writes nothing. One attempt at a time; a failed one is retried after a backoff
 * that doubles up to a cap, re-reading the state first. Nothing is sent once closed.
 */
public final class ServerAnnouncer implements LeaderListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerAnnouncer.class);

    private final ServerAnnounceRequest self;
    private final ServerInfo selfInfo;
    private final Function<String, Optional<ServerInfo>> stored;
    private final Function<WriteRequest, CompletableFuture<WriteResult>> write;
    private final Timers timers;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    private String leaderId;
    private boolean closed;
    private boolean inFlight;
    /** The leader changed while an attempt was in flight: check again once it ends. */
    private boolean again;
    private Timers.Timer next;
    private Duration backoff;

    /**
     * @param stored the announcement the local state holds for a server ID
     * @param write the cluster's write path (forwarded to the leader)
     */
    public ServerAnnouncer(ServerAnnounceRequest self, Function<String, Optional<ServerInfo>> stored,
            Function<WriteRequest, CompletableFuture<WriteResult>> write, Timers timers, Duration firstBackoff,
            Duration maxBackoff) {
        this.self = Objects.requireNonNull(self);
        this.selfInfo = new ServerInfo(self.getServerId(), self.getName(), self.getRaftAddress(),
                self.getRpcAddress(), self.getHttpAddress());
        this.stored = Objects.requireNonNull(stored);
        this.write = Objects.requireNonNull(write);
        this.timers = Objects.requireNonNull(timers);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = firstBackoff;
    }

    /**
     * The leader is now {@code leaderId} (null: none known). Called on Ratis threads, so the
     * check runs later, on the timers. A retry waiting out its backoff is brought forward: the
     * new leader may well accept what the old one could not.
     */
    @Override
    public synchronized void onLeaderChanged(String leaderId) {
        this.leaderId = leaderId;
        if (closed || leaderId == null || leaderId.equals(self.getServerId())) {
            return;
        }
        backoff = firstBackoff;
        if (inFlight) {
            again = true;
            return;
        }
        schedule(Duration.ZERO);
    }

    /** A leader announces itself ({@link LeaderServices}), and it is told its own ID as the leader's. */
    @Override
    public void onLeaderReady() {
    }

    @Override
    public void onNotLeader() {
    }

    private void schedule(Duration delay) {
        if (next != null) {
            next.cancel();
        }
        try {
            next = timers.schedule(delay, this::attempt);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            next = null;
        }
    }

    private void attempt() {
        synchronized (this) {
            next = null;
            if (closed || inFlight || leaderId == null || leaderId.equals(self.getServerId())) {
                return;
            }
            if (stored.apply(self.getServerId()).filter(selfInfo::equals).isPresent()) {
                backoff = firstBackoff;
                return;
            }
            inFlight = true;
        }
        CompletableFuture<WriteResult> sent;
        try {
            sent = write.apply(WriteRequest.newBuilder().setServerAnnounce(self).build());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete(this::answered);
    }

    private synchronized void answered(WriteResult result, Throwable error) {
        inFlight = false;
        if (closed) {
            return;
        }
        boolean ok = error == null && result.getCode() == WriteResult.Code.OK;
        if (ok || again) {
            again = false;
            backoff = firstBackoff;
            if (!ok) {
                schedule(Duration.ZERO);
            }
            return;
        }
        LOG.warn("announcing this server ({}) failed ({}); retrying in {} ms", self.getServerId(),
                error != null ? error.toString() : result.getCode() + " " + result.getError(), backoff.toMillis());
        schedule(backoff);
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }
}

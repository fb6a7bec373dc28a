package io.drover.server.raft;

import io.drover.raft.DroverStateMachine;
import io.drover.raft.RatisTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * This server's Ratis peer: starts it, submits entries to it directly (no client round trip),
 * and reports its view of the group. Ratis types stay inside this package.
 */
public final class RaftNode implements AutoCloseable {
    private final RaftNodeConfig config;
    private final RaftServer server;
    private final RaftPeerId selfId;
    private final ClientId clientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();

    public RaftNode(RaftNodeConfig config, DroverStateMachine stateMachine) {
        this.config = config;
        this.selfId = RaftPeers.idOf(config.advertiseAddress());
        try {
            this.server = RaftServer.newBuilder()
                    .setServerId(selfId)
                    .setGroup(RaftPeers.group(config.peerAddresses()))
                    .setProperties(properties(config))
                    .setStateMachine(stateMachine)
                    .setOption(RaftStorage.StartupOption.RECOVER)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Raft server", e);
        }
    }

    private static RaftProperties properties(RaftNodeConfig c) {
        RaftProperties p = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(p, List.of(c.storageDir().toFile()));
        GrpcConfigKeys.Server.setHost(p, c.bindHost());
        GrpcConfigKeys.Server.setPort(p, c.bindPort());
        // The open log segment lives on the heap: 4 MB keeps a server small.
        RatisTuning.apply(p, c.electionTimeoutMin(), c.electionTimeoutMax(), c.snapshotThreshold(),
                SizeInBytes.valueOf("4MB"));
        // The first election of a fresh cluster need not wait out a full timeout.
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, TimeDuration.valueOf(50, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, TimeDuration.valueOf(150, TimeUnit.MILLISECONDS));
        return p;
    }

    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Raft server on " + config.advertiseAddress(), e);
        }
    }

    public String selfId() {
        return selfId.toString();
    }

    public String advertiseAddress() {
        return config.advertiseAddress();
    }

    /**
     * Appends {@code command} to the log through this server, which must be the leader.
     * Completes with Ratis's reply once the entry is committed and applied here.
     */
    public CompletableFuture<RaftClientReply> submit(byte[] command) {
        return send(RaftClientRequest.writeRequestType(), command);
    }

    /**
     * Completes once this server has applied everything the leader had committed when it was
     * called (a ReadIndex read): a read of local state after it is linearizable.
     */
    public CompletableFuture<RaftClientReply> readIndex() {
        return send(RaftClientRequest.readRequestType(), new byte[0]);
    }

    private CompletableFuture<RaftClientReply> send(RaftClientRequest.Type type, byte[] payload) {
        RaftClientRequest request = RaftClientRequest.newBuilder()
                .setClientId(clientId)
                .setServerId(selfId)
                .setGroupId(RaftPeers.GROUP_ID)
                .setCallId(callIds.incrementAndGet())
                .setMessage(Message.valueOf(ByteString.copyFrom(payload)))
                .setType(type)
                .build();
        try {
            return server.submitClientRequestAsync(request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether this server leads and has committed an entry of its own term (so it may serve). */
    public boolean isLeaderReady() {
        return ask(DivisionInfo::isLeaderReady, false);
    }

    /** Whether this server believes it leads, ready or not. */
    public boolean isLeader() {
        return ask(DivisionInfo::isLeader, false);
    }

    public Optional<String> leaderId() {
        return Optional.ofNullable(ask(DivisionInfo::getLeaderId, null)).map(RaftPeerId::toString);
    }

    /**
     * Milliseconds since this server last heard from the leader; 0 on the leader, and while
     * this server has not yet heard from any (during start-up Ratis has no role to ask).
     */
    public long lastContactMillis() {
        Optional<DivisionInfo> info = info();
        if (info.isEmpty()) {
            return 0;
        }
        try {
            if (info.get().isLeader()) {
                return 0;
            }
            RoleInfoProto role = info.get().getRoleInfoProto();
            if (role == null || !role.hasFollowerInfo()) {
                return 0;
            }
            return Math.max(0, role.getFollowerInfo().getLeaderInfo().getLastRpcElapsedTimeMs());
        } catch (RuntimeException startingUp) {
            // Ratis builds the role's description from parts that exist only once it runs.
            return 0;
        }
    }

    /**
     * Why this server's Raft no longer runs, if it does not: Ratis stops a server for good
     * when applying an entry fails or its storage breaks, and the process must not carry on as
     * if it were still a member. Empty while it starts or runs.
     */
    public Optional<String> stopped() {
        LifeCycle.State proxy = server.getLifeCycleState();
        if (isStopped(proxy)) {
            return Optional.of("the Raft server is " + proxy);
        }
        if (proxy != LifeCycle.State.RUNNING) {
            return Optional.empty();
        }
        try {
            LifeCycle.State division = server.getDivision(RaftPeers.GROUP_ID).getInfo().getLifeCycleState();
            return isStopped(division) ? Optional.of("the Raft group member is " + division) : Optional.empty();
        } catch (IOException e) {
            return Optional.of("the Raft group is gone: " + e.getMessage());
        }
    }

    private static boolean isStopped(LifeCycle.State state) {
        return state == LifeCycle.State.CLOSING || state == LifeCycle.State.CLOSED
                || state == LifeCycle.State.EXCEPTION;
    }

    /** The group's current members, sorted by address. */
    public List<Member> members() {
        Optional<String> leader = leaderId();
        List<Member> out = new ArrayList<>();
        try {
            for (RaftPeer p : server.getDivision(RaftPeers.GROUP_ID).getGroup().getPeers()) {
                out.add(new Member(p.getId().toString(), p.getAddress(), leader.map(p.getId().toString()::equals)
                        .orElse(false)));
            }
        } catch (IOException | RuntimeException notYetRunning) {
            return List.of();
        }
        out.sort(Comparator.comparing(Member::address));
        return out;
    }

    /** The Raft address of a member, by peer ID. */
    public Optional<String> addressOf(String peerId) {
        return members().stream().filter(m -> m.id().equals(peerId)).map(Member::address).findFirst();
    }

    /**
     * This server's log and state machine now, in the terms Nomad's Raft reports them; zeros
     * (and "Follower") while Ratis has no group member to ask.
     */
    public Stats stats() {
        try {
            RaftServer.Division division = server.getDivision(RaftPeers.GROUP_ID);
            DivisionInfo info = division.getInfo();
            RaftLog log = division.getRaftLog();
            TermIndex last = log.getLastEntryTermIndex();
            SnapshotInfo snapshot = division.getStateMachine().getLatestSnapshot();
            return new Stats(stateName(info.getCurrentRole(), info.isLeaderReady()), info.getCurrentTerm(),
                    last == null ? 0 : last.getIndex(), last == null ? 0 : last.getTerm(),
                    Math.max(0, log.getLastCommittedIndex()), Math.max(0, info.getLastAppliedIndex()),
                    snapshot == null ? 0 : snapshot.getIndex(), snapshot == null ? 0 : snapshot.getTerm(),
                    Math.max(0, division.getRaftConf().getLogEntryIndex()));
        } catch (IOException | RuntimeException notYetRunning) {
            return new Stats("Follower", 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * Nomad's (hashicorp/raft's) names for Raft roles. A leader is "Leader" only once it is ready
     * (has committed an entry of its term), as everywhere else in Drover: the cluster tests and
     * deploy/local-cluster.sh take "Leader" for the server that serves writes. A Ratis listener
     * follows without voting.
     */
    private static String stateName(RaftPeerRole role, boolean leaderReady) {
        return switch (role) {
            case LEADER -> leaderReady ? "Leader" : "Follower";
            case CANDIDATE -> "Candidate";
            default -> "Follower";
        };
    }

    public long currentTerm() {
        return ask(DivisionInfo::getCurrentTerm, 0L);
    }

    /**
     * Asks this server's view of the group, or answers {@code fallback} while there is none yet
     * (Ratis answers some questions only once it runs, and must not turn a read into a 500).
     */
    private <T> T ask(java.util.function.Function<DivisionInfo, T> question, T fallback) {
        Optional<DivisionInfo> info = info();
        if (info.isEmpty()) {
            return fallback;
        }
        try {
            return question.apply(info.get());
        } catch (RuntimeException notYetRunning) {
            return fallback;
        }
    }

    private Optional<DivisionInfo> info() {
        try {
            return Optional.of(server.getDivision(RaftPeers.GROUP_ID).getInfo());
        } catch (IOException | RuntimeException notYetRunning) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the Raft server", e);
        }
    }

    /** A member of the group. */
    public record Member(String id, String address, boolean leader) {
    }

    /** See {@link #stats()}; indexes are Raft log indexes. */
    public record Stats(String state, long term, long lastLogIndex, long lastLogTerm, long commitIndex,
            long appliedIndex, long snapshotIndex, long snapshotTerm, long configurationIndex) {
    }
}

package io.drover.server.leader;

import com.google.protobuf.InvalidProtocolBufferException;
import io.drover.model.validate.JobMaxCount;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.raft.RaftNode;
import io.drover.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.protocol.exceptions.LeaderSteppingDownException;
import org.apache.ratis.protocol.exceptions.NotLeaderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes writes on the leader: builds the Raft command, appends it, and answers with what
 * applying it produced. Completes with NOT_LEADER when this server cannot (or can no longer)
 * lead the write, so the caller retries at the leader with the same request ID.
 */
public final class LeaderEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderEndpoint.class);

    private final RaftNode raft;
    private final CommandBuilder builder;
    private final GroupCommit commits;
    private final StateStore state;
    private volatile NodeWriteHook nodeHook = NodeWriteHook.NONE;

    /**
     * @param replies where answers continue: Ratis completes them on its apply thread, which
     *     must not also render responses and send them over the network
     */
    public LeaderEndpoint(RaftNode raft, StateStore state, Stamps stamps, Executor replies) {
        this(raft, state, stamps, replies, JobMaxCount.DEFAULT);
    }

    /** @param jobMaxCount the most instances a job may be scaled to (0: no limit), as {@code server.job_max_count} */
    public LeaderEndpoint(RaftNode raft, StateStore state, Stamps stamps, Executor replies, int jobMaxCount) {
        this.raft = raft;
        this.state = state;
        this.builder = new CommandBuilder(state, stamps, jobMaxCount, raft::addressOf);
        this.commits = new GroupCommit(raft, replies, LeaderEndpoint::toResult);
    }

    public CompletableFuture<WriteResult> handle(WriteRequest request) {
        return handleAll(List.of(request)).get(0);
    }

    /**
     * Handles writes that arrived together (a follower's forwarded batch): their commands join
     * the next entry together. One by one, the first of them found no entry in flight and went
     * alone, and a forwarded batch of n cost two entries.
     */
    public List<CompletableFuture<WriteResult>> handleAll(List<WriteRequest> requests) {
        List<CompletableFuture<WriteResult>> results = new ArrayList<>(requests.size());
        if (!raft.isLeaderReady()) {
            requests.forEach(r -> results.add(CompletableFuture.completedFuture(notLeader())));
            return results;
        }
        List<RaftCommand> commands = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (WriteRequest request : requests) {
            RaftCommand command;
            try {
                command = builder.build(request);
            } catch (Refusal r) {
                results.add(CompletableFuture.completedFuture(r.toResult()));
                continue;
            }
            if (command == null) {
                // Nothing changes (a heartbeat that keeps the node's status): no Raft entry, as Nomad.
                results.add(CompletableFuture.completedFuture(nodeHook.completed(request, unchanged())));
                continue;
            }
            positions.add(results.size());
            results.add(null);
            commands.add(command);
        }
        List<CompletableFuture<WriteResult>> submitted = commits.submitAll(commands);
        for (int i = 0; i < submitted.size(); i++) {
            int at = positions.get(i);
            WriteRequest request = requests.get(at);
            CompletableFuture<WriteResult> result = submitted.get(i);
            results.set(at, isNodeWrite(request) ? result.thenApply(r -> nodeHook.completed(request, r)) : result);
        }
        return results;
    }

    public void setNodeWriteHook(NodeWriteHook hook) {
        this.nodeHook = hook;
    }

    private WriteResult unchanged() {
        try (var reader = state.reader()) {
            return WriteResult.newBuilder().setCode(WriteResult.Code.OK).setIndex(reader.appliedIndex()).build();
        }
    }

    private static boolean isNodeWrite(WriteRequest request) {
        return request.hasNodeRegister() || request.hasNodeHeartbeat();
    }

    /** Appends a command built by the leader itself (housekeeping such as server announcements). */
    public CompletableFuture<WriteResult> submit(RaftCommand command) {
        return commits.submit(command);
    }

    private static WriteResult toResult(RaftClientReply reply, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (isLeadershipLoss(cause)) {
                return notLeader();
            }
            LOG.error("a write failed in Raft", cause);
            return internal(cause.toString());
        }
        if (reply.isSuccess()) {
            try {
                return WriteResult.parseFrom(reply.getMessage().getContent().asReadOnlyByteBuffer());
            } catch (InvalidProtocolBufferException e) {
                return internal("the state machine answered with an unreadable result");
            }
        }
        if (reply.getNotLeaderException() != null || reply.getLeaderNotReadyException() != null
                || reply.getLeaderSteppingDownException() != null || reply.getAlreadyClosedException() != null) {
            return notLeader();
        }
        LOG.error("a write failed in Raft: {}", reply.getException());
        return internal(String.valueOf(reply.getException()));
    }

    private static boolean isLeadershipLoss(Throwable t) {
        return t instanceof NotLeaderException || t instanceof LeaderNotReadyException
                || t instanceof LeaderSteppingDownException || t instanceof AlreadyClosedException;
    }

    static WriteResult notLeader() {
        return WriteResult.newBuilder().setCode(WriteResult.Code.NOT_LEADER).setError("not the leader").build();
    }

    private static WriteResult internal(String message) {
        return WriteResult.newBuilder().setCode(WriteResult.Code.INTERNAL).setError(message).build();
    }
}

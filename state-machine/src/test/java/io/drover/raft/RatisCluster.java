package io.drover.raft;

import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.rocks.RocksStateStore;
import io.drover.testkit.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * Real Ratis peers in one JVM, each with its own RocksDB state and directories, on free
 * loopback ports. Peers can be stopped and restarted on the same directories.
 */
final class RatisCluster implements AutoCloseable {
    final RaftGroup group;
    final List<Node> nodes = new ArrayList<>();
    private final Path root;
    private final long snapshotThreshold;

    RatisCluster(Path root, int size, long snapshotThreshold) {
        this.root = root;
        this.snapshotThreshold = snapshotThreshold;
        List<RaftPeer> peers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int port = freePort();
            peers.add(RaftPeer.newBuilder().setId("n" + i).setAddress("127.0.0.1:" + port).build());
        }
        group = RaftGroup.valueOf(RaftGroupId.randomId(), peers);
        for (RaftPeer p : peers) {
            nodes.add(new Node(p));
        }
    }

    void startAll() {
        nodes.forEach(Node::start);
    }

    RaftClient client() {
        RaftProperties p = new RaftProperties();
        RaftServerConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(5, TimeUnit.SECONDS));
        return RaftClient.newBuilder().setRaftGroup(group).setProperties(p)
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(100,
                        TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
                .build();
    }

    static WriteResult send(RaftClient client, RaftCommand cmd) throws IOException {
        RaftClientReply reply = client.io().send(Message.valueOf(ByteString.copyFrom(cmd.toByteArray())));
        if (!reply.isSuccess()) {
            throw new IOException("write failed: " + reply.getException());
        }
        return WriteResult.parseFrom(reply.getMessage().getContent().toByteArray());
    }

    /** Waits until every running node has applied at least {@code index}. */
    void awaitApplied(long index, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Node n : nodes) {
            while (n.running() && n.store.applied().index() < index) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(n.peer.getId() + " applied only " + n.store.applied() + ", wanted " + index);
                }
                Thread.sleep(20);
            }
        }
    }

    @Override
    public void close() {
        nodes.parallelStream().forEach(Node::stop);
    }

    private static int freePort() {
        return FreePorts.take();
    }

    final class Node {
        final RaftPeer peer;
        final Path stateDir;
        final Path raftDir;
        RocksStateStore store;
        DroverStateMachine stateMachine;
        private RaftServer server;

        Node(RaftPeer peer) {
            this.peer = peer;
            this.stateDir = root.resolve(peer.getId() + "/state");
            this.raftDir = root.resolve(peer.getId() + "/raft");
        }

        RaftPeerId id() {
            return peer.getId();
        }

        boolean running() {
            return server != null;
        }

        void start() {
            store = RocksStateStore.open(stateDir);
            stateMachine = new DroverStateMachine(store, stateDir);
            RaftProperties p = new RaftProperties();
            RaftServerConfigKeys.setStorageDir(p, List.of(raftDir.toFile()));
            GrpcConfigKeys.Server.setPort(p, Integer.parseInt(peer.getAddress().split(":")[1]));
            RatisTuning.apply(p, Duration.ofMillis(150), Duration.ofMillis(300), snapshotThreshold,
                    SizeInBytes.valueOf("16KB"));
            try {
                server = RaftServer.newBuilder().setServerId(peer.getId()).setGroup(group).setProperties(p)
                        .setStateMachine(stateMachine).setOption(RaftStorage.StartupOption.RECOVER).build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void stop() {
            if (server == null) {
                return;
            }
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
                store.close();
            }
        }
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }
}

package io.drover.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.proto.raft.WriteResult;
import io.drover.proto.raft.WriteResults;
import io.drover.proto.rpc.ServerRpcGrpc;
import io.drover.proto.rpc.WriteRequest;
import io.drover.proto.rpc.WriteRequests;
import io.drover.testkit.net.FreePorts;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A follower's forwarded writes travel in batches, each write answered with its own result. */
class ForwardedWritesTest {
    /** The calls the fake leader received, each answered when the test says so. */
    record Call(WriteRequests requests, StreamObserver<WriteResults> response) {
        void answer() {
            WriteResults.Builder b = WriteResults.newBuilder();
            for (WriteRequest r : requests.getRequestsList()) {
                b.addResults(WriteResult.newBuilder().setCode(WriteResult.Code.OK).setEvalId(r.getRequestId()));
            }
            response.onNext(b.build());
            response.onCompleted();
        }
    }

    final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    Server leader;
    PeerClients peers;
    ForwardedWrites forwarded;
    String address;

    @BeforeEach
    void setUp() throws Exception {
        int port = FreePorts.take();
        leader = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .addService(new ServerRpcGrpc.ServerRpcImplBase() {
                    @Override
                    public void writeMany(WriteRequests requests, StreamObserver<WriteResults> response) {
                        calls.add(new Call(requests, response));
                    }
                })
                .build()
                .start();
        address = "127.0.0.1:" + port;
        peers = new PeerClients();
        forwarded = new ForwardedWrites(peers);
    }

    @AfterEach
    void tearDown() throws Exception {
        peers.close();
        leader.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void writesArrivingWhileCallsAreOnTheirWayGoTogetherInTheNext() throws Exception {
        List<CompletableFuture<WriteResult>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(forwarded.write(address, request("w" + i), Duration.ofSeconds(10)));
        }
        // The two calls travel side by side and may reach the leader in either order.
        Call first = next();
        Call second = next();
        if (ids(first).equals(List.of("w1"))) {
            Call t = first;
            first = second;
            second = t;
        }
        assertThat(ids(first)).containsExactly("w0");
        assertThat(ids(second)).as("two calls on their way at most").containsExactly("w1");
        assertThat(calls.poll(200, TimeUnit.MILLISECONDS)).isNull();

        second.answer();
        Call third = next();
        assertThat(ids(third)).as("everything that waited, in order").containsExactly("w2", "w3", "w4", "w5");
        first.answer();
        third.answer();
        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).get(5, TimeUnit.SECONDS).getEvalId()).isEqualTo("w" + i);
        }
    }

    @Test
    void aCancelledWriteIsNotSentAndTheOthersAreStillAnswered() throws Exception {
        CompletableFuture<WriteResult> a = forwarded.write(address, request("a"), Duration.ofSeconds(10));
        CompletableFuture<WriteResult> b = forwarded.write(address, request("b"), Duration.ofSeconds(10));
        CompletableFuture<WriteResult> c = forwarded.write(address, request("c"), Duration.ofSeconds(10));
        CompletableFuture<WriteResult> d = forwarded.write(address, request("d"), Duration.ofSeconds(10));
        Call first = next();
        Call second = next();
        if (ids(first).equals(List.of("b"))) {
            first = second;
        }
        c.cancel(false);
        first.answer();
        assertThat(ids(next())).containsExactly("d");
        assertThat(a.get(5, TimeUnit.SECONDS).getEvalId()).isEqualTo("a");
        assertThat(b).isNotDone();
    }

    private Call next() throws InterruptedException {
        Call c = calls.poll(5, TimeUnit.SECONDS);
        assertThat(c).as("a call reached the leader").isNotNull();
        return c;
    }

    private static List<String> ids(Call c) {
        return c.requests().getRequestsList().stream().map(WriteRequest::getRequestId).toList();
    }

    private static WriteRequest request(String id) {
        return WriteRequest.newBuilder().setRequestId(id).build();
    }
}

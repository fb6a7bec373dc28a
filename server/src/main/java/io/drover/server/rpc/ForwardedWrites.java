package io.drover.server.rpc;

import io.drover.proto.raft.WriteResult;
import io.drover.proto.raft.WriteResults;
import io.drover.proto.rpc.WriteRequest;
import io.drover.proto.rpc.WriteRequests;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The writes a follower forwards to the leader, sent in batches: one call carries every write
 * that arrived while the previous calls were on their way. A unary call per write cost the
 * follower and the leader a gRPC exchange and several thread hand-offs each (about 1 ms of CPU
 * per write between them, twice the cost of the write itself through the leader); the leader
 * commits what arrives together in one entry anyway.
 *
 * <p>Each write keeps its own future: cancelling it (the leader changed) lets the caller retry
 * elsewhere at once; the call itself is cancelled once every write in it is.
 */
public final class ForwardedWrites {
    /** Calls on their way to one leader: a second lets writes leave while the first commits. */
    static final int MAX_IN_FLIGHT = 2;
    /** Bytes per call, well below gRPC's default 4 MB message limit; a larger write goes alone. */
    static final int MAX_BATCH_BYTES = 1 << 20;

    private final PeerClients peers;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    public ForwardedWrites(PeerClients peers) {
        this.peers = peers;
    }

    /** Forwards {@code request} to the leader at {@code address}; fails if not answered within {@code deadline}. */
    public CompletableFuture<WriteResult> write(String address, WriteRequest request, Duration deadline) {
        Pending p = new Pending(request, new CompletableFuture<>(), System.nanoTime() + deadline.toNanos());
        queues.computeIfAbsent(address, Queue::new).add(p);
        return p.result();
    }

    private record Pending(WriteRequest request, CompletableFuture<WriteResult> result, long deadlineNanos) {
    }

    private final class Queue {
        private final String address;
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private int inFlight;

        Queue(String address) {
            this.address = address;
        }

        void add(Pending p) {
            synchronized (this) {
                waiting.add(p);
            }
            sendWhatIsWaiting();
        }

        private void sendWhatIsWaiting() {
            List<Pending> batch;
            synchronized (this) {
                if (inFlight >= MAX_IN_FLIGHT || waiting.isEmpty()) {
                    return;
                }
                batch = take();
                inFlight++;
            }
            send(batch);
        }

        /** Writes still wanted, oldest first, up to the byte limit (at least one). */
        private List<Pending> take() {
            List<Pending> batch = new ArrayList<>();
            long bytes = 0;
            while (!waiting.isEmpty()) {
                Pending next = waiting.peek();
                int size = next.request().getSerializedSize();
                if (!batch.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
                    break;
                }
                waiting.poll();
                if (next.result().isDone()) {
                    continue;
                }
                batch.add(next);
                bytes += size;
            }
            return batch;
        }

        private void send(List<Pending> batch) {
            if (batch.isEmpty()) {
                finished();
                return;
            }
            long now = System.nanoTime();
            long deadline = Long.MAX_VALUE;
            WriteRequests.Builder requests = WriteRequests.newBuilder();
            for (Pending p : batch) {
                requests.addRequests(p.request());
                deadline = Math.min(deadline, p.deadlineNanos());
            }
            if (deadline - now <= 0) {
                batch.forEach(p -> p.result().completeExceptionally(new TimeoutException("no answer from the leader")));
                finished();
                return;
            }
            CompletableFuture<WriteResults> call = peers.writeMany(address, requests.build(),
                    Duration.ofNanos(deadline - now));
            cancelWhenAllCancelled(batch, call);
            call.whenComplete((results, error) -> {
                for (int i = 0; i < batch.size(); i++) {
                    CompletableFuture<WriteResult> r = batch.get(i).result();
                    if (error != null) {
                        r.completeExceptionally(error);
                    } else if (i < results.getResultsCount()) {
                        r.complete(results.getResults(i));
                    } else {
                        r.completeExceptionally(new IllegalStateException("the leader answered "
                                + results.getResultsCount() + " of " + batch.size() + " writes"));
                    }
                }
                finished();
            });
        }

        private void finished() {
            synchronized (this) {
                inFlight--;
            }
            sendWhatIsWaiting();
        }
    }

    private static void cancelWhenAllCancelled(List<Pending> batch, CompletableFuture<WriteResults> call) {
        for (Pending p : batch) {
            p.result().whenComplete((r, e) -> {
                if (p.result().isCancelled() && batch.stream().allMatch(q -> q.result().isCancelled())) {
                    call.cancel(false);
                }
            });
        }
    }
}

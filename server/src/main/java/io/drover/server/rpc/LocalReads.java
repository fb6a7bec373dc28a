package io.drover.server.rpc;

import io.drover.proto.rpc.ForwardedRead;
import io.drover.proto.rpc.ForwardedResponse;
import java.util.concurrent.CompletableFuture;

/** Answers a read against this server's own state, as the HTTP gateway would (the leader's side of forwarding). */
@FunctionalInterface
public interface LocalReads {
    CompletableFuture<ForwardedResponse> serve(ForwardedRead read);
}

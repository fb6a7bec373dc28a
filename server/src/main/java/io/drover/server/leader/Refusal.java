package io.drover.server.leader;

import io.drover.proto.raft.WriteResult;

/** A write refused before it reaches the log, with the code and message the client gets. */
final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final WriteResult.Code code;

    Refusal(WriteResult.Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    WriteResult toResult() {
        return WriteResult.newBuilder().setCode(code).setError(getMessage()).build();
    }
}

package io.drover.state.apply;

import io.drover.proto.raft.WriteResult;

/**
 * A command that cannot be applied, found deep inside an applier (Nomad's state store returns an
 * error and its FSM answers with it). {@link CommandApplier} turns it into a refused result and
 * drops the command's writes; it is an answer, not a failure, so it carries no stack trace.
 */
final class ApplyRefusal extends RuntimeException {
    private final WriteResult.Code code;

    ApplyRefusal(WriteResult.Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    WriteResult.Code code() {
        return code;
    }
}

package io.drover.raft;

import com.google.protobuf.InvalidProtocolBufferException;
import io.drover.proto.raft.RaftCommand;
import java.nio.ByteBuffer;

/**
 * Reads the command out of a committed log entry. Every server reads the same bytes, so an entry
 * one server cannot understand is one it must not skip: servers that understand it (a newer
 * version wrote it) apply it, and skipping would make this one silently diverge. Such an entry
 * stops this server, unless its writer marked it {@code ignorable}.
 */
final class LogEntryDecoder {
    private LogEntryDecoder() {
    }

    /** The entry's command; throws {@link UnknownEntryException} for bytes that are no command. */
    static RaftCommand decode(long index, ByteBuffer data) {
        try {
            return RaftCommand.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new UnknownEntryException("Raft log entry " + index + " is not a command this server can read ("
                    + e.getMessage() + "); stopping rather than skip it", e);
        }
    }

    /**
     * Whether a command (of entry {@code index}) is one this server does not know and may skip.
     * Throws {@link UnknownEntryException} for one it does not know and may not skip.
     */
    static boolean skip(long index, RaftCommand command) {
        if (command.getCommandCase() != RaftCommand.CommandCase.COMMAND_NOT_SET
                || command.getUnknownFields().asMap().isEmpty()) {
            return false;
        }
        if (command.getIgnorable()) {
            return true;
        }
        throw new UnknownEntryException("Raft log entry " + index + " holds a command this server does not know "
                + "(fields " + command.getUnknownFields().asMap().keySet() + "), written by a newer server; stopping "
                + "rather than skip it: upgrade this server", null);
    }

    /** An entry this server must not apply and must not skip. */
    static final class UnknownEntryException extends IllegalStateException {
        UnknownEntryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

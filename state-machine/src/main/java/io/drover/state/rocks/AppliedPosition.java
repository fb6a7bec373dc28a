package io.drover.state.rocks;

import java.nio.ByteBuffer;

/**
 * The last command whose changes the database holds: the term and index of its log entry and,
 * for an entry that carries a batch of commands, its position in the batch (0 otherwise).
 */
public record AppliedPosition(long term, long index, int sub) {
    public static final AppliedPosition NONE = new AppliedPosition(0, 0, 0);

    /** Whether the command at ({@code index}, {@code sub}) is already in the database. */
    public boolean covers(long otherIndex, int otherSub) {
        return otherIndex < index || (otherIndex == index && otherSub <= sub);
    }

    byte[] encode() {
        return ByteBuffer.allocate(20).putLong(term).putLong(index).putInt(sub).array();
    }

    static AppliedPosition decode(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new AppliedPosition(buf.getLong(), buf.getLong(), buf.remaining() >= 4 ? buf.getInt() : 0);
    }
}

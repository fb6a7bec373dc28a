package io.drover.state.rocks;

import java.nio.ByteBuffer;

/** The term and index of the last log entry whose changes the database holds. */
public record AppliedPosition(long term, long index) {
    public static final AppliedPosition NONE = new AppliedPosition(0, 0);

    byte[] encode() {
        return ByteBuffer.allocate(16).putLong(term).putLong(index).array();
    }

    static AppliedPosition decode(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new AppliedPosition(buf.getLong(), buf.getLong());
    }
}

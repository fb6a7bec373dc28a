package io.drover.state.rocks;

import java.nio.ByteBuffer;

/**
 * The value of an allocation's secondary-index entries: the job CreateIndex it was placed for
 * and whether it is terminal, so job status, summaries and fit checks can skip decoding it.
 */
final class AllocIndexValue {
    private AllocIndexValue() {
    }

    static byte[] encode(long jobCreateIndex, boolean terminal) {
        return ByteBuffer.allocate(9).putLong(jobCreateIndex).put((byte) (terminal ? 1 : 0)).array();
    }

    static long createIndex(byte[] v) {
        return ByteBuffer.wrap(v).getLong();
    }

    static boolean terminal(byte[] v) {
        return v[8] != 0;
    }
}

package io.drover.state.rocks;

import java.nio.ByteBuffer;

/**
 * The value of an allocation's secondary-index entries: the job CreateIndex it was placed for,
 * whether it is terminal and its ModifyIndex, so job status, summaries, fit checks and the nodes'
 * allocation watches can skip decoding it. Values written before the ModifyIndex was added are
 * 9 bytes long; their allocations count as changed at any index.
 */
final class AllocIndexValue {
    private AllocIndexValue() {
    }

    private static final int WITH_MODIFY_INDEX = 17;

    static byte[] encode(long jobCreateIndex, boolean terminal, long modifyIndex) {
        return ByteBuffer.allocate(WITH_MODIFY_INDEX).putLong(jobCreateIndex).put((byte) (terminal ? 1 : 0))
                .putLong(modifyIndex).array();
    }

    static long createIndex(byte[] v) {
        return ByteBuffer.wrap(v).getLong();
    }

    static boolean terminal(byte[] v) {
        return v[8] != 0;
    }

    /** The allocation's ModifyIndex; {@link Long#MAX_VALUE} if the value predates it (unknown: decode to know). */
    static long modifyIndex(byte[] v) {
        return v.length >= WITH_MODIFY_INDEX ? ByteBuffer.wrap(v, 9, 8).getLong() : Long.MAX_VALUE;
    }
}

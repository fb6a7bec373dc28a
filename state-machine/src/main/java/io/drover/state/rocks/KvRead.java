package io.drover.state.rocks;

import java.util.List;

/**
 * Reads of raw entries, by a snapshot view or by the write transaction of one apply (which sees
 * its own uncommitted writes).
 */
interface KvRead {
    /** The value under {@code key}, or null. */
    byte[] get(Cf cf, byte[] key);

    /** Every entry whose key starts with {@code prefix}, in key order. */
    List<KeyValue> scan(Cf cf, byte[] prefix);
}
